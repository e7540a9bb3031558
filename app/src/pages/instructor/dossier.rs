//! `/instruction/dossier/{number}`: everything the applicant gave, the documents previewed, the
//! eligibility recomputed, the history, and the actions the file's state allows.

use crate::components::layout::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::{date_text, instant_text, state_badge, AgentBar, AgentSignedOut};
use crate::api::instruction::{load_dossier, load_me, ActOnDossier};
use crate::components::feedback::{action_error, field_message, ErrorBanner};
use crate::components::layout::t;
use crate::components::layout::{provide_island_lang, use_lang};
use crate::components::summary::StepSummary;
use crate::i18n::action_label;
use crate::i18n::{Lang, Msg};
use crate::instruction::DossierView;
use crate::model::{AppError, StoredFile};
use crate::rules::decision::Act;
use crate::rules::dossier::{Action, Actor, DossierState};
use crate::rules::request::Step;
use crate::rules::DocumentKind;

#[component]
pub fn DossierPage() -> impl IntoView {
    let params = use_params_map();
    let number = Memo::new(move |_| params.with(|p| p.get("number").unwrap_or_default()));
    let act = ServerAction::<ActOnDossier>::new();
    let me = Resource::new(|| (), |_| load_me());
    let dossier = Resource::new(move || number.get(), load_dossier);
    view! {
        <div class="fr-container fr-my-4w">
            <Suspense fallback=move || view! { <p>{t(Msg::StatsLoading)}</p> }>
                {move || Suspend::new(async move {
                    match (me.await, dossier.await) {
                        (Ok(agent), Ok(dossier)) => {
                            view! {
                                <AgentBar agent />
                                <ActDone state=dossier.state />
                                <DossierBody dossier act />
                            }.into_any()
                        }
                        (Ok(agent), Err(AppError::NotFound)) => view! {
                            <AgentBar agent />
                            <PageTitle text=t(Msg::DossierFileNotFound) />
                            <h1 class="fr-h3">{t(Msg::DossierFileNotFound)}</h1>
                            <div class="fr-alert fr-alert--warning" data-testid="dossier-not-found"><p>{t(Msg::DossierNoFileServicesHas)}</p></div>
                            <p class="fr-mt-2w"><a class="fr-link" href="/instruction">{t(Msg::DossierBackQueue)}</a></p>
                        }.into_any(),
                        (Err(error), _) | (_, Err(error)) => view! { <AgentSignedOut error /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

/// Says, to screen readers too, that the act was recorded and where the dossier now stands:
/// an act's form is sent back here with `?fait=` and the act's code.
#[component]
fn ActDone(state: DossierState) -> impl IntoView {
    let lang = use_lang();
    let done = use_query_map().with_untracked(|q| q.get("fait").is_some());
    view! {
        <p class="fr-sr-only" role="status" data-testid="act-done">{move || done.then(|| format!(
            "{} {}",
            lang.get().t(Msg::DossierRecordedFileNow),
            state.label(lang.get()),
        ))}</p>
    }
}

/// The hidden fields every action form carries: which file, which version was seen, what to do.
#[component]
fn ActFields(number: String, version: i32, act: Act) -> impl IntoView {
    view! {
        <input type="hidden" name="number" value=number />
        <input type="hidden" name="version" value=version.to_string() />
        <input type="hidden" name="act" value=act.code() />
    }
}

#[component]
fn MessageField(id: &'static str, label: Msg, required: bool) -> impl IntoView {
    view! {
        <div class="fr-input-group">
            <label class="fr-label" for=id>{t(label)}</label>
            <textarea class="fr-input" id=id name="message" rows="3" maxlength="2000" required=required></textarea>
        </div>
    }
}

#[component]
fn DossierBody(dossier: DossierView, act: ServerAction<ActOnDossier>) -> impl IntoView {
    let lang = use_lang();
    let error = action_error(act);
    let state = dossier.state;
    let number = dossier.number.clone();
    let version = dossier.version;
    let pending = move || act.pending().get();
    let form = move |a: Act| (number.clone(), version, a);
    // The forms offered are the transitions the state machine allows from here.
    let can = |action: Action| state.apply(action, Actor::Instructor).is_ok();

    let take = can(Action::TakeInReview).then(|| {
        let (number, version, a) = form(Act::TakeInReview);
        view! {
            <ActionForm action=act>
                <ActFields number version act=a />
                <button class="fr-btn" type="submit" data-testid="act-take_in_review" disabled=pending>{move || crate::i18n::action_label(Action::TakeInReview, lang.get())}</button>
            </ActionForm>
        }
    });
    let accept = can(Action::Accept).then(|| {
        let (number, version, a) = form(Act::Accept);
        let proposed = dossier.proposed;
        let cap = dossier.eligibility.as_ref().and_then(|e| e.max_annual_hours);
        view! {
            <details class="wif-act" open=true>
                <summary class="fr-h6">{move || action_label(Action::Accept, lang.get())}</summary>
                <ActionForm action=act>
                    <ActFields number version act=a />
                    <p class="fr-text--sm">{t(Msg::DossierValidityMustStayWithin)}</p>
                    <div class="wif-dates">
                        <div class="fr-input-group">
                            <label class="fr-label" for="valid-from">{t(Msg::DossierValidFrom)}</label>
                            <input class="fr-input" id="valid-from" name="valid_from" type="date" required=true value=proposed.map(|p| p.from.to_string()).unwrap_or_default() />
                            <p class="fr-error-text" id="valid-from-error">{field_message(error, "valid_from", lang)}</p>
                        </div>
                        <div class="fr-input-group">
                            <label class="fr-label" for="valid-until">{t(Msg::InstructorTo)}</label>
                            <input class="fr-input" id="valid-until" name="valid_until" type="date" required=true value=proposed.map(|p| p.until.to_string()).unwrap_or_default() />
                            <p class="fr-error-text" id="valid-until-error">{field_message(error, "valid_until", lang)}</p>
                        </div>
                    </div>
                    <p class="fr-text--sm" data-testid="hour-cap">{move || match (cap, lang.get()) {
                        (Some(h), l) => format!("{}{}", l.t(Msg::DossierYearlyHourCapPrinted), l.number(h)),
                        (None, l) => l.t(Msg::DossierNoYearlyCapJob).to_owned(),
                    }}</p>
                    <button class="fr-btn" type="submit" data-testid="act-accept" disabled=pending>{move || action_label(Action::Accept, lang.get())}</button>
                </ActionForm>
            </details>
        }
    });
    let changes = can(Action::RequestChanges).then(|| {
        let (number, version, a) = form(Act::RequestChanges);
        view! {
            <details class="wif-act">
                <summary class="fr-h6" data-testid="open-request_changes">{move || action_label(Action::RequestChanges, lang.get())}</summary>
                <ActionForm action=act>
                    <ActFields number version act=a />
                    <MessageField id="changes-message" label=Msg::DossierWhatMissingCorrectSent required=true />
                    <fieldset class="fr-fieldset">
                        <legend class="fr-fieldset__legend fr-text--regular">{t(Msg::DossierDocumentsProvideAgain)}</legend>
                        {DocumentKind::ALL.iter().map(|k| {
                            let k = *k;
                            let id = format!("doc-{}", k.code());
                            view! {
                                <div class="fr-fieldset__element"><div class="fr-checkbox-group fr-checkbox-group--sm">
                                    <input type="checkbox" id=id.clone() name=format!("documents[{}]", k.code()) value="on" />
                                    <label class="fr-label" for=id>{move || k.label(lang.get())}</label>
                                </div></div>
                            }
                        }).collect_view()}
                    </fieldset>
                    <button class="fr-btn fr-btn--secondary" type="submit" data-testid="act-request_changes" disabled=pending>{move || action_label(Action::RequestChanges, lang.get())}</button>
                </ActionForm>
            </details>
        }
    });
    let refuse = can(Action::Refuse).then(|| {
        let (number, version, a) = form(Act::Refuse);
        view! {
            <details class="wif-act">
                <summary class="fr-h6" data-testid="open-refuse">{move || action_label(Action::Refuse, lang.get())}</summary>
                <ActionForm action=act>
                    <ActFields number version act=a />
                    <MessageField id="refuse-message" label=Msg::DossierReasonRefusalSentApplicant required=true />
                    <button class="fr-btn fr-btn--secondary" type="submit" data-testid="act-refuse" disabled=pending>{move || action_label(Action::Refuse, lang.get())}</button>
                </ActionForm>
            </details>
        }
    });
    let close = can(Action::Close).then(|| {
        let (number, version, a) = form(Act::Close);
        view! {
            <details class="wif-act">
                <summary class="fr-h6" data-testid="open-close">{move || action_label(Action::Close, lang.get())}</summary>
                <ActionForm action=act>
                    <ActFields number version act=a />
                    <MessageField id="close-message" label=Msg::DossierMessageApplicantOptional required=false />
                    <button class="fr-btn fr-btn--tertiary" type="submit" data-testid="act-close" disabled=pending>{move || action_label(Action::Close, lang.get())}</button>
                </ActionForm>
            </details>
        }
    });
    let authorisation = dossier.authorisation.clone().map(|a| {
        let revoke = (!a.revoked).then(|| {
            let (number, version, act_code) = form(Act::Revoke);
            view! {
                <details class="wif-act">
                    <summary class="fr-h6">{t(Msg::DossierRevokeAuthorisation)}</summary>
                    <ActionForm action=act>
                        <ActFields number version act=act_code />
                        <MessageField id="revoke-message" label=Msg::DossierReasonRevokingSentApplicant required=true />
                        <button class="fr-btn fr-btn--tertiary" type="submit" data-testid="act-revoke" disabled=pending>{t(Msg::DossierRevokeAuthorisation)}</button>
                    </ActionForm>
                </details>
            }
        });
        let pdf = format!("/instruction/autorisation/{}", crate::url::encode(&dossier.number));
        view! {
            <div class="fr-callout fr-mb-3w" data-testid="issued">
                <h2 class="fr-callout__title fr-h6">{t(Msg::DossierAuthorisationIssued)}</h2>
                <p class="fr-callout__text fr-text--sm">
                    {t(Msg::DossierVerificationCode)}<strong data-testid="verification-code">{a.code.clone()}</strong><br />
                    {t(Msg::VerifyValidFrom)}{date_text(Some(a.validity.from))}{t(Msg::VerifyTo)}{date_text(Some(a.validity.until))}
                    {a.revoked.then(|| view! { <br /><strong class="fr-badge fr-badge--error fr-badge--sm">{t(Msg::DossierRevoked)}</strong> })}
                </p>
                <a class="fr-link fr-icon-download-line fr-link--icon-left" href=pdf rel="external">{t(Msg::DossierAuthorisationPdf)}</a>
                {revoke}
            </div>
        }
    });
    let message = {
        let (number, version, a) = form(Act::Message);
        view! {
            <details class="wif-act">
                <summary class="fr-h6" data-testid="open-message">{t(Msg::DossierWriteApplicant)}</summary>
                <ActionForm action=act>
                    <ActFields number version act=a />
                    <MessageField id="thread-message" label=Msg::DossierMessageSentStudentEmployer required=true />
                    <button class="fr-btn fr-btn--tertiary" type="submit" data-testid="act-message" disabled=pending>{t(Msg::DossierSend)}</button>
                </ActionForm>
            </details>
        }
    };

    let eligibility = dossier.eligibility.clone().map(|e| {
        let outcome = e.outcome;
        let cap = e.max_annual_hours;
        view! {
            <div class="fr-callout fr-mb-3w" data-testid="eligibility">
                <h2 class="fr-callout__title fr-h6">{t(Msg::DossierEligibilityRecomputed)}" : "{move || outcome.title(lang.get())}</h2>
                <ul class="fr-text--sm">
                    {e.reasons.iter().map(|r| {
                        let r = *r;
                        view! { <li>{move || r.explain(lang.get(), cap)}</li> }
                    }).collect_view()}
                </ul>
            </div>
        }
    });
    // The PDF previews are the page's islands.
    let previews = dossier
        .documents
        .iter()
        .any(|slot| slot.files.iter().any(StoredFile::is_pdf));
    let documents = dossier
        .documents
        .iter()
        .map(|slot| {
            let kind = slot.kind;
            let files = slot
                .files
                .iter()
                .map(|f| {
                    let href = format!("/instruction/fichier/{}", f.id);
                    let name = f.file_name.clone();
                    let preview = if f.is_pdf() {
                        view! { <PdfPreview lang=lang.get_untracked() href=href.clone() name=name.clone() /> }.into_any()
                    } else {
                        view! { <img class="wif-preview" src=href.clone() alt=name.clone() loading="lazy" /> }.into_any()
                    };
                    view! {
                        <li class="fr-mb-2w">
                            <a class="fr-link fr-text--sm" href=href rel="external" target="_blank">{name}</a>
                            {preview}
                        </li>
                    }
                })
                .collect_view();
            let empty = slot.files.is_empty();
            view! {
                <section class="fr-mb-3w">
                    <h3 class="fr-h6">{move || kind.label(lang.get())}{(!slot.required).then(|| view! { " " <span class="fr-text--xs">{t(Msg::DossierOptional)}</span> })}</h3>
                    {empty.then(|| view! { <p class="fr-text--sm">{t(Msg::DossierNoFile)}</p> })}
                    <ul class="wif-previews">{files}</ul>
                </section>
            }
        })
        .collect_view();
    let history = dossier
        .history
        .iter()
        .map(|h| {
            let when = instant_text(&h.entry.at);
            let who = match h.entry.actor {
                Actor::Applicant => format!("{} ({})", h.who, lang.get_untracked().t(Msg::DossierApplicant)),
                Actor::Instructor => h.who.clone(),
            };
            let action = Action::from_code(&h.action);
            let act = Act::from_code(&h.action);
            let to = h.entry.state;
            let message = h.entry.message.clone();
            view! {
                <li>
                    <p class="fr-text--xs fr-mb-0">{when}" — "{who}</p>
                    <p class="fr-mb-0"><strong>{move || match (action, act, to) {
                        (Some(a), _, _) => action_label(a, lang.get()).to_owned(),
                        (_, Some(Act::Message), _) => lang.get().t(Msg::DossierMessage).to_owned(),
                        (_, Some(Act::Revoke), _) => lang.get().t(Msg::DossierAuthorisationRevoked).to_owned(),
                        _ => String::new(),
                    }}</strong>{to.map(|s| view! { " → " <span class=state_badge(s)>{move || s.label(lang.get())}</span> })}</p>
                    {message.map(|m| view! { <blockquote class="wif-message">{m}</blockquote> })}
                </li>
            }
        })
        .collect_view();
    let title = format!(
        "{} – {}",
        dossier.number,
        dossier
            .forms
            .get("student")
            .and_then(|f| f.get("family_name"))
            .cloned()
            .unwrap_or_default()
    );
    view! {
        <PageTitle text=move || title.clone() />
        <p class="fr-mb-1w"><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left fr-text--sm" href="/instruction">{t(Msg::DossierBackQueue)}</a></p>
        <h1 class="fr-h3">{t(Msg::StepsFile)}<span data-testid="dossier-number">{dossier.number.clone()}</span>" "
            <span class=state_badge(state) data-testid="dossier-state" data-state=state.code()>{move || state.label(lang.get())}</span></h1>
        <p class="fr-text--sm">
            {dossier.service_name.clone()}" — "{t(Msg::DossierDepartement)}{dossier.departement.clone()}" — "
            {t(Msg::DossierFiled)}{instant_text(&dossier.submitted_at)}<br />
            {t(Msg::VerifyStudent)}{dossier.student_email.clone()}" — "{t(Msg::DossierEmployer)}{dossier.employer_email.clone()}
        </p>
        <div class="fr-grid-row fr-grid-row--gutters">
            <div class="fr-col-12 fr-col-lg-7">
                {eligibility}
                {[Step::Student, Step::Employer, Step::Job].into_iter().map(|step| {
                    let key = match step { Step::Student => "student", Step::Employer => "employer", _ => "job" };
                    let form = dossier.forms.get(key).cloned().unwrap_or_default();
                    view! { <StepSummary step form editable=false /> }
                }).collect_view()}
                <h2 class="fr-h5">{t(Msg::SummaryDocuments)}</h2>
                {previews.then(|| view! { <crate::PreloadFrontEnd island="PdfPreview" /> })}
                {documents}
            </div>
            <div class="fr-col-12 fr-col-lg-5">
                <div class="wif-actions" data-testid="actions">
                    <h2 class="fr-h5">{t(Msg::DossierDecision)}</h2>
                    <ErrorBanner error />
                    {authorisation}
                    {take}
                    {accept}
                    {changes}
                    {refuse}
                    {close}
                    {message}
                    {(state.is_final() && dossier.authorisation.is_none()).then(|| view! { <p class="fr-text--sm">{t(Msg::DossierClosedFileNoAction)}</p> })}
                </div>
                <h2 class="fr-h5 fr-mt-4w" id="historique">{t(Msg::DossierHistory)}</h2>
                <ol class="wif-timeline" data-testid="history">{history}</ol>
            </div>
        </div>
    }
}

/// A PDF shown in place when the instructor asks for it. Five live PDF viewers on one page
/// (Chromium's loads in a frame of its own, fetches the file again and takes the focus when it
/// is ready) made the instructor's clicks and typing land nowhere while they loaded; a phone's
/// browser does not show them inline at all. Closed, it takes no room and loads nothing; open,
/// it has the same fixed box as an image. Before the page is interactive, opening it offers the
/// file in a new tab.
#[island(lazy)]
fn PdfPreview(lang: Lang, href: String, name: String) -> impl IntoView {
    provide_island_lang(lang);
    let details = NodeRef::<leptos::html::Details>::new();
    let open = RwSignal::new(false);
    let summary = name.clone();
    let shown = move || {
        let (href, name) = (href.clone(), name.clone());
        if open.get() {
            view! { <iframe class="wif-preview" src=href title=name></iframe> }.into_any()
        } else {
            view! {
                <p class="fr-text--xs fr-mb-0">
                    <a class="fr-link fr-text--xs" href=href rel="external" target="_blank">{t(Msg::DossierOpenPdfNewTab)}</a>
                </p>
            }
            .into_any()
        }
    };
    view! {
        <details class="wif-pdf" node_ref=details on:toggle=move |_| {
            if let Some(d) = details.get_untracked() {
                open.set(d.open());
            }
        }>
            <summary class="fr-text--sm">{t(Msg::DossierPdfPreview)}{summary}</summary>
            {shown}
        </details>
    }
}
