//! The instructor's pages under `/instruction`: sign-in, the queue, one file, the
//! administration. Like the applicant's, every form is a plain HTML form (GET for the queue's
//! filters, POST to a server function for the rest), so the pages work before the WASM loads.

mod admin;
mod dossier;

use crate::components::layout::PageTitle;
use crate::components::layout::TableFrame;
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::instruction::{load_me, load_queue, LogIn, LogOut};
use crate::components::feedback::{action_error, ErrorBanner};
use crate::components::layout::t;
use crate::components::layout::use_lang;
use crate::i18n::Msg;
use crate::instruction::{AgentView, QueuePage as Queue, QueueQuery};
use crate::model::AppError;
use crate::rules::decision::Role;
use crate::rules::dossier::DossierState;
use crate::rules::eligibility::Contract;

pub use admin::AdminPage;
pub use dossier::DossierPage;

/// `dd/mm/yyyy`, as French forms write dates.
pub(crate) fn date_text(d: Option<NaiveDate>) -> String {
    d.map(|d| d.format("%d/%m/%Y").to_string())
        .unwrap_or_else(|| "—".to_owned())
}

/// An RFC 3339 instant as `dd/mm/yyyy hh:mm` (UTC).
pub(crate) fn instant_text(at: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(at)
        .map(|t| t.format("%d/%m/%Y %H:%M").to_string())
        .unwrap_or_else(|_| at.to_owned())
}

pub(crate) fn state_badge(state: DossierState) -> &'static str {
    match state {
        DossierState::Accepted => "fr-badge fr-badge--sm fr-badge--success",
        DossierState::Refused => "fr-badge fr-badge--sm fr-badge--error",
        DossierState::ChangesRequested => "fr-badge fr-badge--sm fr-badge--warning",
        DossierState::Closed => "fr-badge fr-badge--sm",
        _ => "fr-badge fr-badge--sm fr-badge--info",
    }
}

/// What a signed-out visitor (or an applicant) sees on an instructor's page.
#[component]
pub(crate) fn AgentSignedOut(error: AppError) -> impl IntoView {
    let lang = use_lang();
    view! {
        <PageTitle text=t(Msg::InstructorInstructorArea) />
        <h1>{t(Msg::InstructorInstructorArea)}</h1>
        <div class="fr-alert fr-alert--warning fr-mb-3w" data-testid="signed-out">
            <p>{move || match &error {
                AppError::NotSignedIn => lang.get().t(Msg::InstructorSignReachInstructorArea).to_owned(),
                other => other.message(lang.get()),
            }}</p>
        </div>
        <a class="fr-btn" href="/instruction/connexion">{t(Msg::FeedbackSign)}</a>
    }
}

/// The bar above every instructor page: who is signed in, where to go, sign-out.
#[component]
pub(crate) fn AgentBar(agent: AgentView) -> impl IntoView {
    let lang = use_lang();
    let log_out = ServerAction::<LogOut>::new();
    let services = agent
        .services
        .iter()
        .map(|s| s.name.clone())
        .collect::<Vec<_>>()
        .join(", ");
    let role = agent.role;
    view! {
        <div class="wif-agent-bar fr-mb-3w" data-testid="agent-bar">
            <p class="fr-text--sm fr-mb-0">
                <span class="fr-icon-account-circle-line" aria-hidden="true"></span>" "
                <strong data-testid="agent-name">{agent.name.clone()}</strong>
                " (" {move || role.label(lang.get())} ")"
                {(!services.is_empty()).then(|| view! { " — " {services.clone()} })}
            </p>
            <nav class="wif-agent-links" aria-label=t(Msg::InstructorInstructorArea)>
                <a class="fr-link fr-text--sm" href="/instruction">{t(Msg::InstructorFileQueue)}</a>
                {(role == Role::Admin).then(|| view! { <a class="fr-link fr-text--sm" href="/instruction/admin">{t(Msg::InstructorAdministration)}</a> })}
                <ActionForm action=log_out>
                    <button class="fr-btn fr-btn--tertiary fr-btn--sm fr-icon-logout-box-r-line fr-btn--icon-left" type="submit" data-testid="log-out">{t(Msg::RequestSignOut)}</button>
                </ActionForm>
            </nav>
        </div>
    }
}

/// `/instruction/connexion`.
#[component]
pub fn LoginPage() -> impl IntoView {
    let log_in = ServerAction::<LogIn>::new();
    let error = action_error(log_in);
    view! {
        <PageTitle text=t(Msg::InstructorInstructorSign) />
        <div class="fr-container fr-my-6w">
            <div class="fr-grid-row fr-grid-row--center">
                <div class="fr-col-12 fr-col-md-6">
                    <h1>{t(Msg::InstructorInstructorArea)}</h1>
                    <p>{t(Msg::InstructorStaffForeignLabourServices)}</p>
                    <ErrorBanner error />
                    <ActionForm action=log_in>
                        <fieldset class="fr-fieldset">
                            <div class="fr-fieldset__element">
                                <div class="fr-input-group">
                                    <label class="fr-label" for="agent-email">{t(Msg::InstructorWorkEMailAddress)}</label>
                                    <input class="fr-input" id="agent-email" name="email" type="email" autocomplete="username" required=true />
                                </div>
                            </div>
                            <div class="fr-fieldset__element">
                                <div class="fr-input-group">
                                    <label class="fr-label" for="agent-password">{t(Msg::InstructorPassword)}</label>
                                    <input class="fr-input" id="agent-password" name="password" type="password" autocomplete="current-password" required=true />
                                </div>
                            </div>
                        </fieldset>
                        <button class="fr-btn" type="submit" data-testid="log-in" disabled=move || log_in.pending().get()>{t(Msg::FeedbackSign)}</button>
                    </ActionForm>
                </div>
            </div>
        </div>
    }
}

/// `/instruction`: the queue.
#[component]
pub fn QueuePage() -> impl IntoView {
    let query = use_query_map();
    let queue_query = Memo::new(move |_| query.with(|q| QueueQuery::from_pairs(|k| q.get(k))));
    let me = Resource::new(|| (), |_| load_me());
    let queue = Resource::new(move || queue_query.get(), |q| load_queue(Some(q)));
    view! {
        <PageTitle text=t(Msg::InstructorFileQueue) />
        <div class="fr-container fr-my-4w">
            <Suspense fallback=move || view! { <p>{t(Msg::StatsLoading)}</p> }>
                {move || Suspend::new(async move {
                    match (me.await, queue.await) {
                        (Ok(agent), Ok(page)) => {
                            let query = queue_query.get_untracked();
                            view! {
                                <AgentBar agent />
                                <QueueBody query page />
                            }.into_any()
                        }
                        (Err(error), _) | (_, Err(error)) => view! { <AgentSignedOut error /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn QueueBody(query: QueueQuery, page: Queue) -> impl IntoView {
    let lang = use_lang();
    let filters = query.filters();
    let tabs = page
        .counts
        .iter()
        .map(|(tab, count)| {
            let (tab, count) = (*tab, *count);
            let current = tab == filters.tab;
            let href = format!("/instruction?{}", query.to_query(Some(tab), None));
            view! {
                <li>
                    <a class="wif-tab" href=href aria-current=current.then_some("page") data-testid=format!("tab-{}", tab.code())>
                        {move || tab.label(lang.get())} " " <span class="fr-badge fr-badge--sm">{count}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    let states = filters.tab.states();
    let state_options = (states.len() > 1).then(|| {
        let selected = filters.state;
        view! {
            <div class="fr-select-group">
                <label class="fr-label" for="f-etat">{t(Msg::InstructorState)}</label>
                <select class="fr-select" id="f-etat" name="etat">
                    <option value="">{t(Msg::InstructorAll)}</option>
                    {states.iter().map(|s| {
                        let s = *s;
                        view! { <option value=s.code() selected=selected == Some(s)>{move || s.label(lang.get())}</option> }
                    }).collect_view()}
                </select>
            </div>
        }
    });
    let contract = filters.contract;
    let export = format!("/instruction/export.csv?{}", query.to_query(None, None));
    let export_xlsx = format!("/instruction/export.xlsx?{}", query.to_query(None, None));
    let rows = page.rows.clone();
    // Pages by key: each link names the file the next (or previous) page starts from.
    let pager = (page.previous.is_some() || page.next.is_some()).then(|| {
        let link = |c: &Option<crate::instruction::Cursor>| {
            c.as_ref()
                .map(|c| format!("/instruction?{}", query.to_query(None, Some(c))))
        };
        let (previous, next) = (link(&page.previous), link(&page.next));
        view! {
            <nav role="navigation" class="fr-pagination fr-mt-3w" aria-label=t(Msg::InstructorPagination)>
                <ul class="fr-pagination__list">
                    <li>{match previous {
                        Some(href) => view! { <a class="fr-pagination__link fr-pagination__link--prev fr-pagination__link--lg-label" href=href data-testid="page-prev">{t(Msg::InstructorPrevious)}</a> }.into_any(),
                        None => view! { <span class="fr-pagination__link fr-pagination__link--prev fr-pagination__link--lg-label" aria-disabled="true">{t(Msg::InstructorPrevious)}</span> }.into_any(),
                    }}</li>
                    <li>{match next {
                        Some(href) => view! { <a class="fr-pagination__link fr-pagination__link--next fr-pagination__link--lg-label" href=href data-testid="page-next">{t(Msg::InstructorNext)}</a> }.into_any(),
                        None => view! { <span class="fr-pagination__link fr-pagination__link--next fr-pagination__link--lg-label" aria-disabled="true">{t(Msg::InstructorNext)}</span> }.into_any(),
                    }}</li>
                </ul>
            </nav>
        }
    });
    let total = page.total;
    view! {
        <h1 class="fr-h3">{t(Msg::InstructorFileQueue)}</h1>
        <ul class="wif-tabs" data-testid="tabs">{tabs}</ul>
        <form method="get" action="/instruction" class="wif-filters fr-mb-3w" role="search">
            <input type="hidden" name="onglet" value=filters.tab.code() />
            <div class="fr-input-group">
                <label class="fr-label" for="f-q">{t(Msg::InstructorFileNumberNameSiret)}</label>
                <input class="fr-input" id="f-q" name="q" type="search" value=filters.search.clone().unwrap_or_default() data-testid="search" />
            </div>
            {state_options}
            <div class="fr-select-group">
                <label class="fr-label" for="f-contrat">{t(Msg::InstructorContract)}</label>
                <select class="fr-select" id="f-contrat" name="contrat">
                    <option value="">{t(Msg::InstructorAll)}</option>
                    {Contract::ALL.iter().map(|c| {
                        let c = *c;
                        view! { <option value=c.code() selected=contract == Some(c)>{move || c.label(lang.get())}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="fr-input-group">
                <label class="fr-label" for="f-du">{t(Msg::InstructorContractStartFrom)}</label>
                <input class="fr-input" id="f-du" name="du" type="date" value=filters.from.map(|d| d.to_string()).unwrap_or_default() />
            </div>
            <div class="fr-input-group">
                <label class="fr-label" for="f-au">{t(Msg::InstructorTo)}</label>
                <input class="fr-input" id="f-au" name="au" type="date" value=filters.to.map(|d| d.to_string()).unwrap_or_default() />
            </div>
            <div class="wif-filters__actions">
                <button class="fr-btn fr-btn--sm" type="submit" data-testid="filter">{t(Msg::InstructorFilter)}</button>
                <a class="fr-btn fr-btn--sm fr-btn--tertiary" href=format!("/instruction?onglet={}", filters.tab.code())>{t(Msg::InstructorClear)}</a>
            </div>
        </form>
        <div class="wif-queue-head">
            <p class="fr-text--sm fr-mb-1w" role="status" data-testid="queue-total">{move || Msg::InstructorQueueTotal.count(lang.get(), total, &[])}</p>
            <p class="wif-exports fr-text--sm fr-mb-1w">
                <a class="fr-link fr-icon-download-line fr-link--icon-left fr-text--sm" href=export rel="external" data-testid="export">{t(Msg::InstructorExportCsv)}</a>
                {if total <= crate::instruction::XLSX_MAX_ROWS {
                    view! { <a class="fr-link fr-icon-download-line fr-link--icon-left fr-text--sm" href=export_xlsx rel="external">{t(Msg::InstructorExportXlsxExcel)}</a> }.into_any()
                } else {
                    view! { <span data-testid="xlsx-too-long">{move || crate::model::AppError::TooManyRows { rows: total }.message(lang.get())}</span> }.into_any()
                }}
            </p>
        </div>
        {if rows.is_empty() {
            view! { <p class="fr-mt-2w" data-testid="queue-empty">{t(Msg::InstructorNoFileMatches)}</p> }.into_any()
        } else {
            view! {
                <TableFrame label=t(Msg::InstructorFiles) class="fr-table--no-caption wif-queue">
                    <table data-testid="queue">
                        <caption>{t(Msg::InstructorFiles)}</caption>
                        <thead><tr>
                            <th scope="col">{t(Msg::InstructorFile)}</th>
                            <th scope="col">{t(Msg::InstructorStudent)}</th>
                            <th scope="col">{t(Msg::InstructorSiret)}</th>
                            <th scope="col">{t(Msg::InstructorContract)}</th>
                            <th scope="col">{t(Msg::InstructorStart)}</th>
                            <th scope="col">{t(Msg::InstructorPermitExpiry)}</th>
                            <th scope="col">{t(Msg::InstructorState)}</th>
                        </tr></thead>
                        <tbody>
                            {rows.into_iter().map(|row| {
                                let href = format!("/instruction/dossier/{}", crate::url::encode(&row.number));
                                let state = row.state;
                                let contract = row.contract;
                                view! {
                                    <tr data-testid="queue-row">
                                        <td><a class="fr-link" href=href>{row.number.clone()}</a></td>
                                        <td>{row.student_name.clone()}</td>
                                        <td>{row.siret.clone()}</td>
                                        <td>{move || contract.map(|c| c.label(lang.get())).unwrap_or("—")}</td>
                                        <td>{date_text(row.contract_start)}</td>
                                        <td>{date_text(row.permit_expires)}</td>
                                        <td><span class=state_badge(state)>{move || state.label(lang.get())}</span></td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </TableFrame>
            }.into_any()
        }}
        {pager}
    }
}
