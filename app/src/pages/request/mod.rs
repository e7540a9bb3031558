//! The online request: start with an e-mailed code, six steps, then the follow-up page.
//! Every form is a plain HTML form posting to a server function, so it works before the WASM
//! loads; once hydrated, fields are checked as they are typed by the same `rules` as the server.

mod steps;

use crate::components::feedback::{action_error, field_message, ErrorBanner};
use crate::components::layout::{t, PageTitle};
use crate::components::summary::step_title;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::{ResendCode, SignIn, SignInWithLink, SignOut, StartRequest};
use crate::components::layout::use_lang;
use crate::i18n::Msg;
use crate::rules::eligibility::FiledBy;
use crate::rules::request::Step;

pub use steps::{FollowUpPage, StepPage};

/// `/demande`: who files, and the address that receives the access code.
#[component]
pub fn StartPage() -> impl IntoView {
    let lang = use_lang();
    let start = ServerAction::<StartRequest>::new();
    let error = action_error(start);
    let field_error = move |field: &'static str| field_message(error, field, lang);
    let roles = move || {
        FiledBy::ALL
            .iter()
            .map(|r| (r.code(), r.label(lang.get())))
            .collect::<Vec<_>>()
    };
    view! {
        <PageTitle text=t(Msg::RequestStartRequest) />
        <div class="fr-container fr-my-4w">
            <div class="fr-grid-row fr-grid-row--gutters">
                <div class="fr-col-12 fr-col-md-7">
                    <h1>{t(Msg::RequestRequestWorkAuthorisation)}</h1>
                    <p class="fr-text--lead">{t(Msg::RequestSixStepsAboutTen)}</p>
                    <p>{t(Msg::RequestBeforeStart)}<a class="fr-link" href="/eligibilite">{t(Msg::RequestCheckThatAuthorisationNeeded)}</a>"."</p>
                    <ErrorBanner error />
                    <ActionForm action=start>
                        <fieldset class="fr-fieldset" aria-labelledby="role-legend">
                            <legend class="fr-fieldset__legend" id="role-legend">{t(Msg::RequestYouAre)}</legend>
                            {move || roles().into_iter().map(|(code, label)| {
                                let id = format!("role-{code}");
                                view! {
                                    <div class="fr-fieldset__element">
                                        <div class="fr-radio-group">
                                            <input type="radio" id=id.clone() name="role" value=code required=true />
                                            <label class="fr-label" for=id>{label}</label>
                                        </div>
                                    </div>
                                }
                            }).collect_view()}
                            {move || field_error("role")().map(|m| view! { <p class="fr-error-text" id="role-error">{m}</p> })}
                        </fieldset>
                        <div class="fr-input-group">
                            <label class="fr-label" for="start-email">
                                {t(Msg::RequestEMailAddress)}
                                <span class="fr-hint-text">{t(Msg::RequestAccessCodeWillSent)}</span>
                            </label>
                            <input class="fr-input" type="email" id="start-email" name="email" autocomplete="email" required=true aria-describedby="start-email-error" />
                            {move || field_error("email")().map(|m| view! { <p class="fr-error-text" id="start-email-error">{m}</p> })}
                        </div>
                        <button class="fr-btn" type="submit" disabled=move || start.pending().get()>{t(Msg::RequestSendMeAccessCode)}</button>
                    </ActionForm>
                </div>
                <div class="fr-col-12 fr-col-md-5">
                    <div class="fr-callout">
                        <h2 class="fr-callout__title">{t(Msg::RequestAlreadyStarted)}</h2>
                        <p class="fr-callout__text">{t(Msg::RequestResumeRequestFollowFile)}</p>
                        <a class="fr-btn fr-btn--secondary" href="/acces">{t(Msg::RequestResumeFollow)}</a>
                    </div>
                </div>
            </div>
        </div>
    }
}

/// `/acces`: e-mail + code opens the request where it was left.
#[component]
pub fn AccessPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let (email, new, resent) = query.with_untracked(|q| {
        (
            q.get("email").unwrap_or_default(),
            q.get("nouveau").is_some(),
            q.get("renvoye").is_some(),
        )
    });
    let sign_in = ServerAction::<SignIn>::new();
    let resend = ServerAction::<ResendCode>::new();
    let error = action_error(sign_in);
    let field_error = move |field: &'static str| field_message(error, field, lang);
    let shown_email = email.clone();
    let resend_email = email.clone();
    view! {
        <PageTitle text=t(Msg::RequestAccessMyRequest) />
        <div class="fr-container fr-my-4w">
            <div class="fr-grid-row">
                <div class="fr-col-12 fr-col-md-7">
                    <h1>{t(Msg::RequestAccessMyRequest)}</h1>
                    {new.then(|| view! {
                        <div class="fr-alert fr-alert--info fr-alert--sm fr-mb-3w" role="status" data-testid="code-sent">
                            <p>{move || Msg::RequestCodeSent.with(lang.get(), &[("email", &shown_email)])}</p>
                        </div>
                    })}
                    {resent.then(|| view! {
                        <div class="fr-alert fr-alert--info fr-alert--sm fr-mb-3w" role="status">
                            <p>{t(Msg::RequestIfAddressHasRequest)}</p>
                        </div>
                    })}
                    <ErrorBanner error />
                    <ActionForm action=sign_in>
                        <div class="fr-input-group">
                            <label class="fr-label" for="access-email">{t(Msg::RequestEMailAddress2)}</label>
                            <input class="fr-input" type="email" id="access-email" name="email" value=email.clone() autocomplete="email" required=true aria-describedby="access-email-error" />
                            {move || field_error("email")().map(|m| view! { <p class="fr-error-text" id="access-email-error">{m}</p> })}
                        </div>
                        <div class="fr-input-group">
                            <label class="fr-label" for="access-code">
                                {t(Msg::RequestAccessCode)}
                                <span class="fr-hint-text">{t(Msg::Request6DigitsReceivedE)}</span>
                            </label>
                            <input class="fr-input" type="text" id="access-code" name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="7" required=true aria-describedby="access-code-error" />
                            {move || field_error("code")().map(|m| view! { <p class="fr-error-text" id="access-code-error">{m}</p> })}
                        </div>
                        <button class="fr-btn" type="submit" disabled=move || sign_in.pending().get()>{t(Msg::RequestContinue)}</button>
                    </ActionForm>
                    <ActionForm action=resend>
                        <input type="hidden" name="email" value=resend_email />
                        <p class="fr-mt-3w">
                            {t(Msg::RequestLostExpiredCode)}
                            <button class="fr-btn fr-btn--tertiary-no-outline fr-btn--sm" type="submit">{t(Msg::RequestGetNewCode)}</button>
                        </p>
                    </ActionForm>
                    <p><a class="fr-link" href="/demande">{t(Msg::RequestStartNewRequest)}</a></p>
                </div>
            </div>
        </div>
    }
}

/// `/acces/lien?j=…`: the e-mailed link. Opening it signs nobody in (mail scanners open
/// links); the button does, once, even while the six-digit code is locked by someone's guesses.
#[component]
pub fn LinkPage() -> impl IntoView {
    let query = use_query_map();
    let token = query.with_untracked(|q| q.get("j").unwrap_or_default());
    let sign_in = ServerAction::<SignInWithLink>::new();
    let error = action_error(sign_in);
    view! {
        <PageTitle text=t(Msg::RequestOpenMyRequest) />
        <div class="fr-container fr-my-4w">
            <div class="fr-grid-row">
                <div class="fr-col-12 fr-col-md-7">
                    <h1>{t(Msg::RequestOpenMyRequest)}</h1>
                    <p>{t(Msg::RequestFollowedLinkReceivedE)}</p>
                    <ErrorBanner error />
                    <ActionForm action=sign_in>
                        <input type="hidden" name="token" value=token />
                        <button class="fr-btn" type="submit" disabled=move || sign_in.pending().get()>{t(Msg::RequestOpenMyRequest)}</button>
                    </ActionForm>
                    <p class="fr-mt-3w"><a class="fr-link" href="/acces">{t(Msg::RequestUseMyAddressCode)}</a></p>
                </div>
            </div>
        </div>
    }
}

/// The progress indicator of the six steps (DSFR stepper).
#[component]
pub(crate) fn Stepper(step: Step) -> impl IntoView {
    let lang = use_lang();
    let title = move |s: Step| step_title(s, lang.get());
    let next = Step::from_number(step.number() + 1);
    view! {
        <div class="fr-stepper">
            <h2 class="fr-stepper__title">
                {move || title(step)}
                <span class="fr-stepper__state">{move || Msg::RequestStepOfSix.with(lang.get(), &[("step", &step.number().to_string())])}</span>
            </h2>
            <div class="fr-stepper__steps" data-fr-current-step=step.number() data-fr-steps="6"></div>
            {next.map(|n| view! {
                <p class="fr-stepper__details">
                    <span class="fr-text--bold">{t(Msg::RequestNextStep)}</span>
                    {move || title(n)}
                </p>
            })}
        </div>
    }
}

/// Sign-out, as a form (it changes the session: POST).
#[component]
pub(crate) fn SignOutButton() -> impl IntoView {
    let sign_out = ServerAction::<SignOut>::new();
    view! {
        <ActionForm action=sign_out>
            <button class="fr-btn fr-btn--tertiary fr-btn--sm fr-icon-logout-box-r-line fr-btn--icon-left" type="submit">
                {t(Msg::RequestSignOut)}
            </button>
        </ActionForm>
    }
}
