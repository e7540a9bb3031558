//! `/demande/{step}` and `/suivi`: the wizard's pages and the follow-up of a filed request.

use crate::components::layout::PageTitle;
use std::collections::{BTreeMap, BTreeSet};

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::{SignOutButton, Stepper};
use crate::api::{load_draft, load_follow_up, RemoveFile, SaveStep, SendReply, SubmitRequest};
use crate::components::feedback::{action_error, error_from_url, ErrorBanner};
use crate::components::fields::{self, Kind};
use crate::components::form::options_html;
use crate::components::layout::t;
use crate::components::layout::{provide_island_lang, use_lang};
use crate::components::summary::step_title;
pub(crate) use crate::components::summary::StepSummary;
use crate::i18n::{Lang, Msg};
use crate::model::{AppError, DocumentSlot, DraftView, FollowUp, Routing, UploadError};
use crate::rules::documents::DocumentKind;
use crate::rules::dossier::DossierState;
use crate::rules::eligibility::Outcome;
use crate::rules::request::{self, RawForm, Step};
use crate::rules::{ErrorCode, FieldError, RulesConfig};

/// The errors of a typed step, by the rules the server applies (the job's need the student's
/// saved answers).
fn validate(step: Step, form: &RawForm, student: &RawForm) -> Vec<FieldError> {
    let today = crate::env::today();
    let config = RulesConfig::default();
    match step {
        Step::Student => request::validate_student(form, today, &config)
            .err()
            .unwrap_or_default(),
        Step::Employer => request::validate_employer(form).err().unwrap_or_default(),
        Step::Job => match request::validate_student(student, today, &config) {
            Ok(student) => request::validate_job(form, &student, today, &config)
                .err()
                .unwrap_or_default(),
            Err(_) => Vec::new(),
        },
        _ => Vec::new(),
    }
}

fn size_text(bytes: u64, lang: Lang) -> String {
    if bytes >= 1024 * 1024 {
        format!(
            "{} Mo",
            lang.number((bytes as f64 / 104857.6).round() / 10.0)
        )
        .replace("Mo", lang.t(Msg::StepsMb))
    } else {
        format!("{} {}", (bytes / 1024).max(1), lang.t(Msg::StepsKb))
    }
}

/// `/demande/{step}`.
#[component]
pub fn StepPage() -> impl IntoView {
    let params = use_params_map();
    let step = Memo::new(move |_| params.with(|p| p.get("step").and_then(|s| Step::from_code(&s))));
    let submit = ServerAction::<SubmitRequest>::new();
    let remove = ServerAction::<RemoveFile>::new();
    let draft = Resource::new(move || step.get(), |_| load_draft());
    view! {
        <div class="fr-container fr-my-4w">
            <Suspense fallback=move || view! { <p>{t(Msg::StatsLoading)}</p> }>
                {move || Suspend::new(async move {
                    let Some(step) = step.get() else {
                        return view! { <crate::pages::not_found::NotFound /> }.into_any();
                    };
                    match draft.await {
                        Err(error) => view! { <SignedOut error /> }.into_any(),
                        Ok(draft) => view! { <StepBody step draft submit remove /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

/// A request's page or `/suivi` opened without a session. Most often nobody's session expired:
/// a first visit, a bookmark, a link shared from the other party's e-mail. The page says how to
/// get in (the address and the code received by e-mail) or how to begin, not that something
/// went wrong; another error (the server's) is shown as one.
#[component]
fn SignedOut(error: AppError) -> impl IntoView {
    let lang = use_lang();
    let alert = match error {
        AppError::NotSignedIn => view! {
            <div class="fr-callout fr-mb-3w" data-testid="signed-out">
                <p class="fr-callout__text">{t(Msg::StepsResumeRequestFollowFile)}</p>
                <p>{t(Msg::StepsLostOldCodeSame)}</p>
            </div>
        }
        .into_any(),
        error => view! {
            <div class="fr-alert fr-alert--warning fr-mb-3w" data-testid="signed-out"><p>{move || error.message(lang.get())}</p></div>
        }
        .into_any(),
    };
    view! {
        <PageTitle text=t(Msg::RequestAccessMyRequest) />
        <h1>{t(Msg::RequestAccessMyRequest)}</h1>
        {alert}
        <ul class="fr-btns-group fr-btns-group--inline-md">
            <li><a class="fr-btn" href="/acces">{t(Msg::FeedbackEnterMyAccessCode)}</a></li>
            <li><a class="fr-btn fr-btn--secondary" href="/demande">{t(Msg::RequestStartRequest)}</a></li>
        </ul>
    }
}

#[component]
fn StepBody(
    step: Step,
    draft: DraftView,
    submit: ServerAction<SubmitRequest>,
    remove: ServerAction<RemoveFile>,
) -> impl IntoView {
    let lang = use_lang();
    let filed = draft.state != DossierState::Draft;
    let email = draft.email.clone();
    // A step further than the first incomplete one is not open yet: say so, and link to it.
    let locked = !filed && step.number() > draft.reachable.number() && step != Step::Confirmation;
    let body = if filed && step != Step::Confirmation {
        view! {
            <div class="fr-alert fr-alert--info fr-mb-3w"><p>{t(Msg::StepsFileFiledFollowFrom)}</p></div>
            <a class="fr-btn" href="/suivi">{t(Msg::StepsFollowMyFile)}</a>
        }
        .into_any()
    } else if locked || (step == Step::Confirmation && !filed) {
        let open = draft.reachable;
        view! {
            <div class="fr-alert fr-alert--warning fr-mb-3w" data-testid="step-locked"><p>{move || AppError::StepNotReached(open).message(lang.get())}</p></div>
            <a class="fr-btn" href=open.path()>{move || step_title(open, lang.get())}</a>
        }
        .into_any()
    } else {
        match step {
            Step::Student | Step::Employer | Step::Job => {
                view! { <StepForm step draft /> }.into_any()
            }
            Step::Documents => view! { <DocumentsStep draft remove /> }.into_any(),
            Step::Summary => view! { <SummaryStep draft submit /> }.into_any(),
            Step::Confirmation => view! { <Confirmation draft /> }.into_any(),
        }
    };
    view! {
        <PageTitle text=move || step_title(step, lang.get()) />
        <div class="wif-request-head">
            <p class="fr-text--sm fr-mb-1w">{move || Msg::StepsSignedInAs.with(lang.get(), &[("email", &email)])}</p>
            <SignOutButton />
        </div>
        <h1 class="fr-h3">{t(Msg::StepsWorkAuthorisationRequest)}</h1>
        <Stepper step />
        {body}
    }
}

/// One typed step: the fields and the save button, a plain form the server checks and saves
/// (it comes back here with its errors, or goes on to the next step). The `StepFields` island
/// checks the fields as they are typed.
#[component]
fn StepForm(step: Step, draft: DraftView) -> impl IntoView {
    let server_error = error_from_url();
    let server_errors = server_error
        .as_ref()
        .map(|e| request::errors_by_field(e.field_errors()))
        .unwrap_or_default();
    let stopped = match &server_error {
        Some(AppError::Stopped(outcome)) => Some(outcome.to_owned()),
        _ => None,
    };
    let explanation = draft
        .eligibility
        .as_ref()
        .map(|e| e.explanation_query.clone());
    let lang = use_lang().get_untracked();
    // Field errors are listed by the form's own summary; the banner says the others.
    let banner = server_error.filter(|e| e.field_errors().is_empty());
    view! {
        <ErrorBanner error=Signal::stored(banner) />
        {stopped.map(|outcome| view! { <StoppedNotice outcome explanation /> })}
        <crate::PreloadFrontEnd island="StepFields" />
        <StepFields lang step initial=draft.form(step) student=draft.form(Step::Student) server_errors />
    }
}

/// The step's form, checked as it is typed by the rules the server runs: a field's error shows
/// once the field is left, every error at the first press on "save". A form with errors is not
/// sent; a valid one is posted as it would be without JavaScript, once.
#[island(lazy)]
fn StepFields(
    lang: Lang,
    step: Step,
    initial: RawForm,
    student: RawForm,
    server_errors: BTreeMap<String, ErrorCode>,
) -> impl IntoView {
    let lang = provide_island_lang(lang);
    let values = RwSignal::new(initial.clone());
    let touched = RwSignal::new(BTreeSet::<String>::new());
    let attempted = RwSignal::new(false);
    let sending = RwSignal::new(false);
    // The server's errors stand until the field is changed.
    let server_errors = RwSignal::new(server_errors);
    let client_errors =
        Memo::new(move |_| values.with(|v| request::errors_by_field(&validate(step, v, &student))));
    let errors = Memo::new(move |_| {
        let mut map = server_errors.get();
        let shown = touched.get();
        for (field, code) in client_errors.get() {
            if attempted.get() || shown.contains(&field) {
                map.insert(field, code);
            }
        }
        map
    });
    let on_input = move |ev: leptos::ev::Event| {
        if let Some((name, value)) = ev.target().as_ref().and_then(field_name_value) {
            server_errors.update(|e| {
                e.remove(&name);
            });
            values.update(|v| {
                v.insert(name, value);
            });
        }
    };
    let on_blur = move |ev: leptos::ev::FocusEvent| {
        if let Some((name, value)) = ev.target().as_ref().and_then(field_name_value) {
            if !value.is_empty() {
                touched.update(|t| {
                    t.insert(name);
                });
            }
        }
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        attempted.set(true);
        if sending.get_untracked() {
            ev.prevent_default();
            return;
        }
        if client_errors.with_untracked(|e| !e.is_empty()) {
            // Refused here: the summary lists each error, and takes the focus once drawn.
            ev.prevent_default();
            request_animation_frame(|| {
                #[cfg(feature = "hydrate")]
                crate::env::browser::focus(SUMMARY_ID);
            });
            return;
        }
        sending.set(true);
    };
    // A submission the server refused opens with its summary focused (`autofocus`).
    let refused = !server_errors.with_untracked(|e| e.is_empty());
    let previous = Step::from_number(step.number() - 1).filter(|_| step != Step::Student);
    let form_ref = NodeRef::<leptos::html::Form>::new();
    let action = <SaveStep as leptos::server_fn::ServerFn>::url();
    // What was typed before the WASM took over is in the fields, not in `initial`: read it
    // once hydrated, so the checks as typed start from what the page shows.
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        let Some(data) = form_ref
            .get()
            .and_then(|form| leptos::web_sys::FormData::new_with_form(&form).ok())
        else {
            return;
        };
        values.update(|v| {
            for name in step.fields() {
                if let Some(value) = data.get(&format!("form[{name}]")).as_string() {
                    v.insert((*name).to_owned(), value);
                }
            }
        });
        // Typed before the language switch (a page load): put back in the fields.
        let key = format!("wif-typed-{}", step.code());
        let kept = crate::env::browser::take_typed(&key)
            .and_then(|json| serde_json::from_str::<RawForm>(&json).ok());
        if let (Some(kept), Some(form)) = (kept, form_ref.get_untracked()) {
            restore_fields(&form, &kept);
            values.update(|v| v.extend(kept));
        }
        crate::env::browser::on_lang_switch(move || {
            if let Ok(json) = serde_json::to_string(&values.get_untracked()) {
                crate::env::browser::keep_typed(&key, &json);
            }
        });
    });
    view! {
        <form method="post" action=action node_ref=form_ref novalidate on:submit=on_submit>
            <Show when=move || (attempted.get() || refused) && errors.with(|e| !e.is_empty())>
                <ErrorSummary errors=errors order=step.fields() autofocus=refused />
            </Show>
            <div on:input=on_input on:change=on_input on:focusout=on_blur>
                <input type="hidden" name="step" value=step.code() />
                <p class="fr-hint-text">{t(Msg::StepsAllFieldsRequiredUnless)}</p>
                {step.fields().iter().map(|name| {
                    let name: &'static str = name;
                    let error = Signal::derive(move || errors.with(|m| m.get(name).copied()));
                    let routing = (name == "establishment_postcode").then(|| {
                        let postcode = Signal::derive(move || values.with(|v| v.get(name).cloned().unwrap_or_default()));
                        view! { <RoutingHint postcode /> }
                    });
                    view! { <Field name initial=initial.get(name).cloned().unwrap_or_default() error /> {routing} }
                }).collect_view()}
            </div>
            <ul class="fr-btns-group fr-btns-group--inline-md fr-mt-3w">
                {previous.map(|p| view! { <li><a class="fr-btn fr-btn--secondary" href=p.path()>{t(Msg::StepsPreviousStep)}</a></li> })}
                <li>
                    <button class="fr-btn" type="submit" data-testid="save-step" aria-disabled=move || sending.get().then_some("true")>
                        {t(Msg::StepsSaveContinue)}
                    </button>
                </li>
            </ul>
            <p class="fr-text--xs">{move || lang.get().t(Msg::StepsDraftKept14Days)}</p>
        </form>
    }
}

const SUMMARY_ID: &str = "resume-erreurs";

/// The list of a refused form's errors, each a link to its field (RGAA 11.10, DSFR's error
/// summary): focused when the form is refused, so a screen reader reads it first.
#[component]
fn ErrorSummary(
    errors: Memo<BTreeMap<String, ErrorCode>>,
    /// The step's fields in the order the form shows them: the summary follows it.
    order: &'static [&'static str],
    autofocus: bool,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="fr-alert fr-alert--error fr-mb-3w" id=SUMMARY_ID tabindex="-1" autofocus=autofocus role="group" aria-labelledby="resume-erreurs-titre" data-testid="error-summary">
            <h2 class="fr-alert__title" id="resume-erreurs-titre">{move || {
                let n = errors.with(|e| e.len());
                Msg::StepsAnswersToCorrect.count(lang.get(), n as u64, &[])
            }}</h2>
            <ul>
                {move || {
                    let mut listed: Vec<(String, ErrorCode)> = errors.get().into_iter().collect();
                    listed.sort_by_key(|(name, _)| order.iter().position(|f| f == name).unwrap_or(usize::MAX));
                    listed
                }.into_iter().map(|(name, code)| {
                    let label = fields::spec_of(&name).label;
                    let id = format!("f-{name}");
                    // Following a link to a field scrolls to it but leaves the focus where it
                    // was (browsers only move where the next Tab starts): the field takes it, so
                    // what is typed next goes there. Without JavaScript the next Tab reaches it.
                    let take_focus = {
                        let id = id.clone();
                        move |_: leptos::ev::MouseEvent| {
                            #[cfg(feature = "hydrate")]
                            crate::env::browser::focus(&id);
                            #[cfg(not(feature = "hydrate"))]
                            let _ = &id;
                        }
                    };
                    view! { <li><a href=format!("#{id}") on:click=take_focus>{move || format!("{} : {}", lang.get().t(label), code.message(lang.get()))}</a></li> }
                }).collect_view()}
            </ul>
        </div>
    }
}

/// Which service will handle the file, said as soon as the establishment's postcode is valid:
/// the browser asks `GET /api/v1/routing/{postcode}`, before the applicant types the rest.
#[component]
fn RoutingHint(postcode: Signal<String>) -> impl IntoView {
    let lang = use_lang();
    // The answer, with the postcode it answers.
    let answer = RwSignal::new(None::<(String, Routing)>);
    #[cfg(not(feature = "hydrate"))]
    let _ = postcode;
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        let typed = postcode.get().trim().to_owned();
        if crate::rules::Departement::from_postcode(&typed).is_err() {
            answer.set(None);
            return;
        }
        if answer.with_untracked(|a| a.as_ref().is_some_and(|(p, _)| *p == typed)) {
            return;
        }
        leptos::task::spawn_local(async move {
            let url = format!("/api/v1/routing/{typed}");
            let Ok(response) = gloo_net::http::Request::get(&url).send().await else {
                return;
            };
            let Ok(routing) = response.json::<Routing>().await else {
                return;
            };
            // Another postcode may have been typed while this one was asked.
            if postcode.get_untracked().trim() == typed {
                answer.set(Some((typed, routing)));
            }
        });
    });
    view! {
        <div aria-live="polite" data-testid="routing">
            {move || answer.get().map(|(_, routing)| match routing.service {
                Some(service) => view! {
                    <div class="fr-alert fr-alert--info fr-alert--sm fr-mb-3w" data-open="true">
                        <p>{move || Msg::StepsRoutedTo.with(lang.get(), &[("departement", &routing.departement), ("service", &service.name)])}</p>
                    </div>
                }.into_any(),
                None => {
                    let elsewhere = routing.apply_elsewhere.unwrap_or_else(|| crate::model::ANEF_URL.to_owned());
                    view! {
                        <div class="fr-alert fr-alert--warning fr-alert--sm fr-mb-3w" data-open="false">
                            <p>{move || Msg::StepsDepartementElsewhere.with(lang.get(), &[("departement", &routing.departement)])}" "<a class="fr-link" href=elsewhere rel="external">{t(Msg::StepsApplyAnef)}</a></p>
                        </div>
                    }.into_any()
                }
            })}
        </div>
    }
}

#[component]
fn StoppedNotice(outcome: Outcome, explanation: Option<String>) -> impl IntoView {
    let lang = use_lang();
    let href = explanation.map(|q| format!("/eligibilite?{}", q.trim_start_matches('?')));
    view! {
        <div class="fr-callout fr-mb-3w" data-testid="request-stopped" data-outcome=outcome.code()>
            <h2 class="fr-callout__title">{move || outcome.title(lang.get())}</h2>
            <p class="fr-callout__text">{move || AppError::Stopped(outcome).message(lang.get())}</p>
            {href.map(|h| view! { <a class="fr-link" href=h>{t(Msg::StepsSeeExplanationRuleApplied)}</a> })}
        </div>
    }
}

/// One field, labelled, with its hint and its error next to it.
#[component]
fn Field(name: &'static str, initial: String, error: Signal<Option<ErrorCode>>) -> impl IntoView {
    let lang = use_lang();
    let spec = fields::spec_of(name);
    let id = format!("f-{name}");
    let input_name = format!("form[{name}]");
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let has_hint = spec.hint.is_some();
    let describedby = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let label = move || lang.get().t(spec.label);
    let hint = spec.hint.map(|h| view! { <span class="fr-hint-text" id=hint_id.clone()>{move || lang.get().t(h)}</span> });
    let error_view = {
        let error_id = error_id.clone();
        move || {
            error.get().map(|e| view! { <p class="fr-error-text" id=error_id.clone() data-error-code=e.code()>{e.message(lang.get())}</p> })
        }
    };
    let invalid = move || error.get().is_some().then_some("true");
    let kind = spec.kind;
    match kind {
        Kind::YesNo => {
            let options = move || fields::options(kind, lang.get());
            let initial = initial.clone();
            let fieldset_id = id.clone();
            view! {
                <fieldset class="fr-fieldset" class:fr-fieldset--error=move || error.get().is_some() id=fieldset_id aria-describedby=describedby>
                    <legend class="fr-fieldset__legend fr-text--regular">{label}{hint}</legend>
                    {move || options().into_iter().map(|(code, text)| {
                        let input_id = format!("{id}-{code}");
                        let checked = initial == code;
                        view! {
                            <div class="fr-fieldset__element fr-fieldset__element--inline">
                                <div class="fr-radio-group">
                                    <input type="radio" id=input_id.clone() name=input_name.clone() value=code checked=checked />
                                    <label class="fr-label" for=input_id>{text}</label>
                                </div>
                            </div>
                        }
                    }).collect_view()}
                    <div class="fr-messages-group">{error_view}</div>
                </fieldset>
            }
            .into_any()
        }
        Kind::Country | Kind::Permit | Kind::Contract | Kind::Profession => {
            let options = move || fields::options(kind, lang.get());
            view! {
                <div class="fr-select-group" class:fr-select-group--error=move || error.get().is_some()>
                    <label class="fr-label" for=id.clone()>{label}{hint}</label>
                    <select
                        class="fr-select"
                        id=id.clone()
                        name=input_name
                        aria-invalid=invalid
                        aria-describedby=describedby
                        inner_html=move || {
                            let placeholder = lang.get().t(Msg::StepsSelectAnswer);
                            options_html(placeholder, &options(), &initial)
                        }
                    ></select>
                    {error_view}
                </div>
            }
            .into_any()
        }
        _ => {
            let (input_type, inputmode) = match kind {
                Kind::Date => ("date", None),
                Kind::Email => ("email", None),
                Kind::Tel => ("tel", None),
                Kind::Decimal => ("text", Some("decimal")),
                _ => ("text", None),
            };
            view! {
                <div class="fr-input-group" class:fr-input-group--error=move || error.get().is_some()>
                    <label class="fr-label" for=id.clone()>{label}{hint}</label>
                    <input
                        class="fr-input"
                        class:fr-input--error=move || error.get().is_some()
                        type=input_type
                        id=id.clone()
                        name=input_name
                        value=initial
                        inputmode=inputmode
                        autocomplete=spec.autocomplete
                        aria-invalid=invalid
                        aria-describedby=describedby
                    />
                    {error_view}
                </div>
            }
            .into_any()
        }
    }
}

/// Puts values back in a form's fields, by name: a text, date or select field takes the value,
/// a radio button is checked when it is the value.
#[cfg(feature = "hydrate")]
fn restore_fields(form: &leptos::web_sys::HtmlFormElement, values: &RawForm) {
    use leptos::wasm_bindgen::JsValue;
    use leptos::web_sys::js_sys::Reflect;
    for (name, value) in values {
        let Ok(fields) = form.query_selector_all(&format!("[name=\"form[{name}]\"]")) else {
            continue;
        };
        for i in 0..fields.length() {
            let Some(field) = fields.item(i) else {
                continue;
            };
            let kind = Reflect::get(&field, &JsValue::from_str("type"))
                .ok()
                .and_then(|t| t.as_string());
            if kind.as_deref() == Some("radio") {
                let own = Reflect::get(&field, &JsValue::from_str("value"))
                    .ok()
                    .and_then(|v| v.as_string());
                let _ = Reflect::set(
                    &field,
                    &JsValue::from_str("checked"),
                    &JsValue::from_bool(own.as_deref() == Some(value.as_str())),
                );
            } else {
                let _ = Reflect::set(
                    &field,
                    &JsValue::from_str("value"),
                    &JsValue::from_str(value),
                );
            }
        }
    }
}

/// Reads the name (without the `form[…]` wrapper) and value of the field an event came from.
fn field_name_value(target: &leptos::web_sys::EventTarget) -> Option<(String, String)> {
    use leptos::wasm_bindgen::JsValue;
    let get = |key: &str| {
        leptos::web_sys::js_sys::Reflect::get(target, &JsValue::from_str(key))
            .ok()?
            .as_string()
    };
    let name = get("name")?;
    let inner = name.strip_prefix("form[")?.strip_suffix(']')?.to_owned();
    Some((inner, get("value").unwrap_or_default()))
}

/// Step 4: each document of the case, its files, and an upload form per document.
#[component]
fn DocumentsStep(draft: DraftView, remove: ServerAction<RemoveFile>) -> impl IntoView {
    let missing = draft.missing_documents();
    let lang = use_lang();
    view! {
        <p>{t(Msg::StepsEachDocument13)}</p>
        <UploadErrorFromUrl />
        <DocumentList slots=draft.documents.clone() remove back="/demande/justificatifs" />
        <ul class="fr-btns-group fr-btns-group--inline-md fr-mt-3w">
            <li><a class="fr-btn fr-btn--secondary" href=Step::Job.path()>{t(Msg::StepsPreviousStep)}</a></li>
            <li>
                {if missing.is_empty() {
                    view! { <a class="fr-btn" href=Step::Summary.path() data-testid="to-summary">{t(Msg::StepsContinueSummary)}</a> }.into_any()
                } else {
                    let n = missing.len();
                    view! { <p class="fr-text--sm" data-testid="documents-missing">{move || Msg::StepsDocumentsStillMissing.count(lang.get(), n as u64, &[])}</p> }.into_any()
                }}
            </li>
        </ul>
    }
}

/// After a plain-form upload the server redirects here with `?erreur=…&piece=…`.
#[component]
fn UploadErrorFromUrl() -> impl IntoView {
    let lang = use_lang();
    let error = use_query_map()
        .with_untracked(|q| q.get("erreur").and_then(|c| UploadError::from_code(&c)));
    error.map(|e| view! { <div class="fr-alert fr-alert--error fr-alert--sm fr-mb-3w" role="alert"><p>{move || e.message(lang.get())}</p></div> })
}

#[component]
pub(crate) fn DocumentList(
    slots: Vec<DocumentSlot>,
    remove: ServerAction<RemoveFile>,
    back: &'static str,
) -> impl IntoView {
    let lang = use_lang();
    let full =
        |slot: &DocumentSlot| slot.files.len() >= crate::rules::documents::MAX_FILES_PER_DOCUMENT;
    // One upload form (an island) or more on the page.
    let uploads = slots.iter().any(|slot| !full(slot));
    let list = slots
        .into_iter()
        .map(|slot| {
            let kind = slot.kind;
            let full = full(&slot);
            let files = slot.files.clone();
            view! {
                <section class="wif-document fr-mb-3w" id=format!("piece-{}", kind.code()) data-testid=format!("doc-{}", kind.code())>
                    <h2 class="fr-h6 fr-mb-1w">
                        {move || kind.label(lang.get())}
                        {(!slot.required).then(|| view! { <span class="fr-text--sm fr-text--regular">{t(Msg::StepsOptional)}</span> })}
                    </h2>
                    <ul class="wif-files">
                        {files.into_iter().map(|f| {
                            let size = f.size;
                            view! {
                                <li>
                                    <a class="fr-link" href=format!("/demande/fichier/{}", f.id) target="_blank">{f.file_name.clone()}</a>
                                    <span class="fr-text--xs">" — " {move || size_text(size, lang.get())}</span>
                                    <ActionForm action=remove>
                                        <input type="hidden" name="id" value=f.id.clone() />
                                        <input type="hidden" name="back" value=back />
                                        <button class="fr-btn fr-btn--tertiary-no-outline fr-btn--sm" type="submit">
                                            {t(Msg::StepsRemove)}<span class="fr-sr-only">" " {f.file_name.clone()}</span>
                                        </button>
                                    </ActionForm>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    {(!full).then(|| view! { <UploadForm lang=lang.get_untracked() kind /> })}
                </section>
            }
        })
        .collect_view();
    view! {
        {uploads.then(|| view! { <crate::PreloadFrontEnd island="UploadForm" /> })}
        {list}
    }
}

/// A plain multipart form (works without JavaScript). As an island it sends the file with a
/// progress bar, says at once when a file is too large, and then loads the page again with the
/// file in its list.
#[island(lazy)]
fn UploadForm(lang: Lang, kind: DocumentKind) -> impl IntoView {
    let lang = provide_island_lang(lang);
    let progress = RwSignal::new(None::<f64>);
    let message = RwSignal::new(None::<String>);
    let code = kind.code();
    let input_id = format!("file-{code}");
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        #[cfg(feature = "hydrate")]
        {
            ev.prevent_default();
            if progress.get_untracked().is_none() {
                upload::send(&ev, code, progress, message, lang.get_untracked());
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = &ev;
    };
    view! {
        <form method="post" enctype="multipart/form-data" action=format!("/demande/fichiers/{code}") on:submit=on_submit class="wif-upload">
            <div class="fr-upload-group">
                <label class="fr-label" for=input_id.clone()>
                    {t(Msg::StepsAddFile)}
                    <span class="fr-sr-only">{move || format!(" : {}", kind.label(lang.get()))}</span>
                    <span class="fr-hint-text">{t(Msg::StepsPdfJpegPng10)}</span>
                </label>
                <input class="fr-upload" type="file" id=input_id name="file" accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" required=true data-testid=format!("file-{code}") />
            </div>
            <button class="fr-btn fr-btn--secondary fr-btn--sm fr-mt-1w" type="submit" data-testid=format!("send-{code}")>
                {t(Msg::StepsUpload)}<span class="fr-sr-only">{move || format!(" : {}", kind.label(lang.get()))}</span>
            </button>
            {move || progress.get().map(|p| view! {
                <div class="fr-mt-1w"><progress max="100" value=p aria-label=move || lang.get().t(Msg::StepsUploading)></progress> {format!(" {p:.0} %")}</div>
            })}
            <div role="alert">
                {move || message.get().map(|m| view! { <p class="fr-error-text" data-testid=format!("upload-error-{code}")>{m}</p> })}
            </div>
        </form>
    }
}

#[cfg(feature = "hydrate")]
mod upload {
    use leptos::prelude::*;
    use leptos::wasm_bindgen::closure::Closure;
    use leptos::wasm_bindgen::JsCast;
    use leptos::web_sys;

    use crate::i18n::Lang;
    use crate::model::UploadError;

    /// Sends the form's file with XMLHttpRequest (fetch cannot report upload progress).
    pub fn send(
        ev: &leptos::ev::SubmitEvent,
        kind: &'static str,
        progress: RwSignal<Option<f64>>,
        message: RwSignal<Option<String>>,
        lang: Lang,
    ) {
        let Some(form) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
        else {
            return;
        };
        let Ok(data) = web_sys::FormData::new_with_form(&form) else {
            return;
        };
        // Too large: said at once, before sending 10 MB for nothing.
        if let Some(file) = data.get("file").dyn_ref::<web_sys::File>() {
            if file.size() > crate::rules::documents::MAX_FILE_BYTES as f64 {
                message.set(Some(UploadError::TooLarge.message(lang).to_owned()));
                return;
            }
        }
        let Ok(xhr) = web_sys::XmlHttpRequest::new() else {
            return;
        };
        if xhr
            .open("POST", &format!("/demande/fichiers/{kind}"))
            .is_err()
        {
            return;
        }
        let _ = xhr.set_request_header("Accept", "application/json");
        message.set(None);
        progress.set(Some(0.0));
        let on_progress =
            Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(move |e: web_sys::ProgressEvent| {
                if e.length_computable() && e.total() > 0.0 {
                    progress.set(Some(100.0 * e.loaded() / e.total()));
                }
            });
        if let Ok(upload) = xhr.upload() {
            upload.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
        }
        on_progress.forget();
        let done_xhr = xhr.clone();
        let on_load = Closure::<dyn FnMut()>::new(move || {
            progress.set(None);
            let status = done_xhr.status().unwrap_or(0);
            if status == 201 {
                // The page is drawn by the server: load it again, with the file in its list.
                let location = leptos::prelude::window().location();
                if location.search().unwrap_or_default().is_empty() {
                    let _ = location.reload();
                } else {
                    let _ = location.assign(&location.pathname().unwrap_or_default());
                }
            } else {
                let text = done_xhr.response_text().ok().flatten().unwrap_or_default();
                let said = serde_json::from_str::<serde_json::Value>(&text)
                    .ok()
                    .and_then(|v| v.get("message").and_then(|m| m.as_str()).map(str::to_owned));
                message.set(Some(
                    said.unwrap_or_else(|| UploadError::Malformed.message(lang).to_owned()),
                ));
            }
        });
        xhr.set_onloadend(Some(on_load.as_ref().unchecked_ref()));
        on_load.forget();
        let _ = xhr.send_with_opt_form_data(Some(&data));
    }
}

/// Step 5: everything entered, each step with a link to change it, then filing.
#[component]
fn SummaryStep(draft: DraftView, submit: ServerAction<SubmitRequest>) -> impl IntoView {
    let lang = use_lang();
    let error = action_error(submit);
    let sections = Step::FORMS
        .iter()
        .map(|step| view! { <StepSummary step=*step form=draft.form(*step) editable=true /> })
        .collect_view();
    let documents = draft
        .documents
        .iter()
        .filter(|d| !d.files.is_empty())
        .map(|d| {
            let kind = d.kind;
            let names = d
                .files
                .iter()
                .map(|f| f.file_name.clone())
                .collect::<Vec<_>>()
                .join(", ");
            view! { <dt>{move || kind.label(lang.get())}</dt><dd>{names}</dd> }
        })
        .collect_view();
    view! {
        {sections}
        <section class="fr-mb-4w">
            <h2 class="fr-h5">{t(Msg::SummaryDocuments)} " " <a class="fr-link fr-text--sm" href=Step::Documents.path()>{t(Msg::SummaryChange)}</a></h2>
            <dl class="wif-summary">{documents}</dl>
        </section>
        <ErrorBanner error />
        <ActionForm action=submit>
            <p>{t(Msg::StepsFilingRequestCertifyThat)}</p>
            <button class="fr-btn fr-btn--lg" type="submit" data-testid="submit-request" disabled=move || submit.pending().get()>{t(Msg::StepsFileRequest)}</button>
        </ActionForm>
    }
}

/// Step 6: the file number and the receipt.
#[component]
fn Confirmation(draft: DraftView) -> impl IntoView {
    let number = draft.number.clone().unwrap_or_default();
    view! {
        <div class="fr-alert fr-alert--success fr-mb-3w" role="status">
            <h2 class="fr-alert__title">{t(Msg::StepsRequestFiled)}</h2>
            <p>{t(Msg::StepsFileNumber)}<strong data-testid="dossier-number">{number}</strong></p>
        </div>
        <p>{t(Msg::StepsDepositReceiptWayE)}</p>
        <ul class="fr-btns-group fr-btns-group--inline-md">
            <li><a class="fr-btn fr-icon-download-line fr-btn--icon-left" href="/demande/recepisse.pdf" download="" data-testid="receipt" rel="external">{t(Msg::StepsDownloadReceiptPdf)}</a></li>
            <li><a class="fr-btn fr-btn--secondary" href="/suivi">{t(Msg::StepsFollowMyFile)}</a></li>
        </ul>
    }
}

/// `/suivi`: where the file stands, what comes next, messages and requested documents.
#[component]
pub fn FollowUpPage() -> impl IntoView {
    let reply = ServerAction::<SendReply>::new();
    let remove = ServerAction::<RemoveFile>::new();
    let submit = ServerAction::<SubmitRequest>::new();
    let data = Resource::new(|| (), |_| load_follow_up());
    view! {
        <div class="fr-container fr-my-4w">
            <Transition fallback=move || view! { <p>{t(Msg::StatsLoading)}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Err(AppError::StepNotReached(_)) => view! {
                            <div class="fr-alert fr-alert--info"><p>{t(Msg::StepsRequestNotFiledYet)}</p></div>
                            <a class="fr-btn fr-mt-2w" href="/demande/recapitulatif">{t(Msg::StepsResumeRequest)}</a>
                        }.into_any(),
                        Err(error) => view! { <SignedOut error /> }.into_any(),
                        Ok(file) => view! { <FollowUpBody file reply remove submit /> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

#[component]
fn FollowUpBody(
    file: FollowUp,
    reply: ServerAction<SendReply>,
    remove: ServerAction<RemoveFile>,
    submit: ServerAction<SubmitRequest>,
) -> impl IntoView {
    let lang = use_lang();
    let state = file.state;
    let reply_error = action_error(reply);
    let submit_error = action_error(submit);
    let number = file.number.clone();
    let timeline = file.timeline.clone();
    let changes = state == DossierState::ChangesRequested;
    let open = !state.is_final();
    let badge = match state {
        DossierState::Accepted => "fr-badge--success",
        DossierState::Refused => "fr-badge--error",
        DossierState::ChangesRequested => "fr-badge--warning",
        _ => "fr-badge--info",
    };
    view! {
        <PageTitle text=t(Msg::StepsFileFollowUp) />
        <div class="wif-request-head"><span></span><SignOutButton /></div>
        <h1 class="fr-h3">{t(Msg::StepsFile)}<span data-testid="follow-number">{number}</span></h1>
        <p><span class=format!("fr-badge {badge}") data-testid="follow-state" data-state=state.code()>{move || state.label(lang.get())}</span></p>
        <p class="fr-text--lead">{move || state.next_step(lang.get())}</p>
        <p class="fr-text--sm">{t(Msg::StepsInstructionService)}{file.service_name.clone()}</p>
        <ul class="fr-btns-group fr-btns-group--inline-md">
            <li><a class="fr-btn fr-btn--secondary fr-icon-download-line fr-btn--icon-left" href="/demande/recepisse.pdf" rel="external">{t(Msg::StepsDepositReceiptPdf)}</a></li>
            {file.authorisation.then(|| view! { <li><a class="fr-btn fr-icon-download-line fr-btn--icon-left" href="/demande/autorisation.pdf" rel="external" data-testid="authorisation">{t(Msg::StepsWorkAuthorisationPdf)}</a></li> })}
        </ul>
        {changes.then(|| view! {
            <h2 class="fr-h5 fr-mt-4w">{t(Msg::StepsDocumentsAsked)}</h2>
            <UploadErrorFromUrl />
            <DocumentList slots=file.documents.clone() remove back="/suivi" />
            <ErrorBanner error=submit_error />
            <ActionForm action=submit>
                <input type="hidden" name="back" value="/suivi" />
                <button class="fr-btn" type="submit" data-testid="resubmit">{t(Msg::StepsSendFileBackService)}</button>
            </ActionForm>
        })}
        <h2 class="fr-h5 fr-mt-4w" id="messages">{t(Msg::StepsHistoryMessages)}</h2>
        <ol class="wif-timeline" data-testid="timeline">
            {timeline.into_iter().map(|entry| {
                let when = entry.at.get(..16).unwrap_or(&entry.at).replace('T', " ");
                let who = entry.actor;
                view! {
                    <li>
                        <p class="fr-text--xs fr-mb-0">{when}" — "{move || match who {
                            crate::rules::dossier::Actor::Applicant => lang.get().t(Msg::StepsYou),
                            crate::rules::dossier::Actor::Instructor => lang.get().t(Msg::StepsInstructionService2),
                        }}</p>
                        {entry.state.map(|s| view! { <p class="fr-mb-0"><strong>{move || s.label(lang.get())}</strong></p> })}
                        {entry.message.map(|m| view! { <blockquote class="wif-message">{m}</blockquote> })}
                    </li>
                }
            }).collect_view()}
        </ol>
        {open.then(|| view! {
            <ErrorBanner error=reply_error />
            <ActionForm action=reply>
                <div class="fr-input-group">
                    <label class="fr-label" for="reply">{t(Msg::StepsWriteInstructionService)}</label>
                    <textarea class="fr-input" id="reply" name="message" rows="4" maxlength="2000" required=true></textarea>
                </div>
                <button class="fr-btn fr-btn--secondary" type="submit">{t(Msg::StepsSendMessage)}</button>
            </ActionForm>
        })}
    }
}
