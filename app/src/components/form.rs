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

/// A select's options as HTML, set as the `<select>`'s `inner_html`: the placeholder (value "")
/// then each `(value, label)`, the one equal to `selected` (spaces around and ASCII case
/// ignored) marked selected, the placeholder when none is empty.
///
/// The nationality list has 249 options. As 249 views they were most of the eligibility page's
/// rendering on the server (each an element, attributes and escaping), and in the browser the
/// island hydrated each one; as one string the server writes them at once and the island does
/// not walk them (hydrating `inner_html` from the server leaves the children as they are).
pub fn options_html(placeholder: &str, options: &[(String, &str)], selected: &str) -> String {
    let selected = selected.trim();
    let mut html = String::with_capacity(
        64 + options
            .iter()
            .map(|(v, l)| v.len() + l.len() + 32)
            .sum::<usize>(),
    );
    let option = |html: &mut String, value: &str, label: &str, on: bool| {
        html.push_str("<option value=\"");
        html_escape::encode_double_quoted_attribute_to_string(value, html);
        html.push_str(if on { "\" selected>" } else { "\">" });
        html_escape::encode_text_to_string(label, html);
        html.push_str("</option>");
    };
    option(&mut html, "", placeholder, selected.is_empty());
    for (value, label) in options {
        option(
            &mut html,
            value,
            label,
            !selected.is_empty() && value.eq_ignore_ascii_case(selected),
        );
    }
    html
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
                inner_html=move || options_html(placeholder(), &options(), &value.get_untracked())
            ></select>
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

#[cfg(test)]
mod tests {
    use super::options_html;

    fn list() -> Vec<(String, &'static str)> {
        vec![
            ("DZ".into(), "Algérie"),
            ("CI".into(), "Côte d'Ivoire"),
            ("X&Y".into(), "<b>\"x\"</b>"),
        ]
    }

    #[test]
    fn the_value_given_is_the_one_option_selected() {
        // (value given, the option expected selected: "" is the placeholder)
        let cases = [
            ("", ""),
            ("   ", ""),
            ("DZ", "DZ"),
            ("dz", "DZ"),
            (" ci ", "CI"),
            ("FR", "none"),
            ("X&Y", "X&amp;Y"),
        ];
        for (given, expected) in cases {
            let html = options_html("Choisir", &list(), given);
            let selected: Vec<&str> = html
                .split("<option value=\"")
                .skip(1)
                .filter(|o| o.contains("\" selected>"))
                .map(|o| &o[..o.find('"').unwrap()])
                .collect();
            let want: Vec<&str> = if expected == "none" {
                vec![]
            } else {
                vec![expected]
            };
            assert_eq!(selected, want, "value {given:?}");
            assert_eq!(html.matches("<option").count(), 4, "value {given:?}");
        }
    }

    #[test]
    fn values_and_labels_are_escaped() {
        let html = options_html("A & B", &list(), "");
        assert!(
            html.starts_with("<option value=\"\" selected>A &amp; B</option>"),
            "{html}"
        );
        assert!(
            html.contains("<option value=\"CI\">Côte d'Ivoire</option>"),
            "{html}"
        );
        assert!(
            html.contains("<option value=\"X&amp;Y\">&lt;b&gt;\"x\"&lt;/b&gt;</option>"),
            "{html}"
        );
    }
}
