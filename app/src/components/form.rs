//! DSFR form fields with their label, hint and error wired for assistive technologies:
//! the error sits next to the field, is referenced by `aria-describedby`, and the field says
//! `aria-invalid`.

use leptos::prelude::*;

use crate::components::layout::use_lang;
use crate::rules::ErrorCode;

/// Reactive error of one field, `None` when the field is fine.
pub type FieldErrorSignal = Signal<Option<ErrorCode>>;

fn describedby(id: &str, hint: bool, error: Option<ErrorCode>) -> Option<String> {
    let mut ids = Vec::new();
    if hint {
        ids.push(format!("{id}-hint"));
    }
    if error.is_some() {
        ids.push(format!("{id}-error"));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

#[component]
fn ErrorText(id: &'static str, error: FieldErrorSignal) -> impl IntoView {
    let lang = use_lang();
    view! {
        <Show when=move || error.get().is_some()>
            <p class="fr-error-text" id=format!("{id}-error") data-error-code=move || error.get().map(|e| e.code())>
                {move || error.get().map(|e| e.message(lang.get()))}
            </p>
        </Show>
    }
}

/// A `<select>` whose options are `(value, label)` pairs computed in the current language.
#[component]
pub fn SelectField<O>(
    id: &'static str,
    label: impl Fn() -> &'static str + Send + Sync + 'static,
    #[prop(optional)] hint: Option<Signal<&'static str>>,
    placeholder: impl Fn() -> &'static str + Send + Sync + 'static,
    options: O,
    value: Signal<String>,
    error: FieldErrorSignal,
    on_change: impl Fn(String) + 'static,
) -> impl IntoView
where
    O: Fn() -> Vec<(String, &'static str)> + Send + Sync + 'static,
{
    let has_hint = hint.is_some();
    view! {
        <div class="fr-select-group" class:fr-select-group--error=move || error.get().is_some()>
            <label class="fr-label" for=id>
                {label}
                {hint.map(|h| view! { <span class="fr-hint-text" id=format!("{id}-hint")>{h}</span> })}
            </label>
            <select
                class="fr-select"
                class:fr-select--error=move || error.get().is_some()
                id=id
                name=id
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=move || describedby(id, has_hint, error.get())
                on:change=move |ev| on_change(event_target_value(&ev))
            >
                <option value="" selected=move || value.get().is_empty()>{placeholder}</option>
                {move || {
                    options()
                        .into_iter()
                        .map(|(code, text)| {
                            let selected = value.get_untracked().trim().eq_ignore_ascii_case(&code);
                            view! { <option value=code selected=selected>{text}</option> }
                        })
                        .collect_view()
                }}
            </select>
            <ErrorText id error />
        </div>
    }
}

/// A group of radio buttons, in a fieldset whose legend is the question.
#[component]
pub fn RadioGroup<O>(
    id: &'static str,
    legend: impl Fn() -> &'static str + Send + Sync + 'static,
    #[prop(optional)] hint: Option<Signal<&'static str>>,
    options: O,
    value: Signal<String>,
    error: FieldErrorSignal,
    on_change: impl Fn(String) + Clone + Send + Sync + 'static,
    #[prop(optional)] inline: bool,
    /// Greys the choice out when the answer follows from another one.
    #[prop(optional, into)]
    disabled: Signal<bool>,
) -> impl IntoView
where
    O: Fn() -> Vec<(String, &'static str)> + Send + Sync + 'static,
{
    let has_hint = hint.is_some();
    view! {
        <fieldset
            class="fr-fieldset"
            class:fr-fieldset--error=move || error.get().is_some()
            id=id
            aria-labelledby=format!("{id}-legend")
            aria-describedby=move || describedby(id, false, error.get())
            role="radiogroup"
        >
            <legend class="fr-fieldset__legend fr-text--regular" id=format!("{id}-legend")>
                {legend}
                {hint.map(|h| view! { <span class="fr-hint-text" id=format!("{id}-hint")>{h}</span> })}
            </legend>
            {move || {
                let on_change = on_change.clone();
                options()
                    .into_iter()
                    .map(move |(code, text)| {
                        let input_id = format!("{id}-{code}");
                        let checked = value.get_untracked() == code;
                        let on_change = on_change.clone();
                        let picked = code.clone();
                        let mine = code.clone();
                        let input_ref = NodeRef::<leptos::html::Input>::new();
                        // Once hydrated the box follows the value, on its changes only: at
                        // hydration it keeps what was ticked before the WASM took over (the page
                        // reads that back into the value), where a `prop:checked` would untick it.
                        Effect::watch(
                            move || value.get() == mine,
                            move |checked, _, _| {
                                if let Some(input) = input_ref.get_untracked() {
                                    input.set_checked(*checked);
                                }
                            },
                            false,
                        );
                        view! {
                            <div class="fr-fieldset__element" class:fr-fieldset__element--inline=inline>
                                <div class="fr-radio-group">
                                    <input
                                        type="radio"
                                        id=input_id.clone()
                                        name=id
                                        value=code
                                        checked=checked
                                        node_ref=input_ref
                                        disabled=move || disabled.get()
                                        aria-describedby=has_hint.then(|| format!("{id}-hint"))
                                        on:change=move |_| on_change(picked.clone())
                                    />
                                    <label class="fr-label" for=input_id>{text}</label>
                                </div>
                            </div>
                        }
                    })
                    .collect_view()
            }}
            <div class="fr-messages-group">
                <ErrorText id error />
            </div>
        </fieldset>
    }
}

/// A one-line text input.
#[component]
pub fn TextField(
    id: &'static str,
    label: impl Fn() -> &'static str + Send + Sync + 'static,
    #[prop(optional)] hint: Option<Signal<&'static str>>,
    initial: String,
    #[prop(optional)] inputmode: Option<&'static str>,
    error: FieldErrorSignal,
    on_input: impl Fn(String) + 'static,
) -> impl IntoView {
    let has_hint = hint.is_some();
    view! {
        <div class="fr-input-group" class:fr-input-group--error=move || error.get().is_some()>
            <label class="fr-label" for=id>
                {label}
                {hint.map(|h| view! { <span class="fr-hint-text" id=format!("{id}-hint")>{h}</span> })}
            </label>
            <input
                class="fr-input"
                class:fr-input--error=move || error.get().is_some()
                type="text"
                id=id
                name=id
                value=initial
                inputmode=inputmode
                autocomplete="off"
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=move || describedby(id, has_hint, error.get())
                on:input=move |ev| on_input(event_target_value(&ev))
            />
            <ErrorText id error />
        </div>
    }
}
