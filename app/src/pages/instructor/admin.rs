//! `/instruction/admin`: services, which départements each serves and which are open, and the
//! agents. Administrators only (the server refuses anyone else).

use crate::components::layout::PageTitle;
use crate::components::layout::TableFrame;
use leptos::prelude::*;

use super::{AgentBar, AgentSignedOut};
use crate::api::instruction::{load_admin, load_me, SaveAgent, SaveDepartement, SaveService};
use crate::components::feedback::{action_error, ErrorBanner};
use crate::components::layout::t;
use crate::components::layout::use_lang;
use crate::i18n::Msg;
use crate::instruction::{AdminView, MailState};
use crate::rules::decision::Role;

#[component]
pub fn AdminPage() -> impl IntoView {
    let service = ServerAction::<SaveService>::new();
    let departement = ServerAction::<SaveDepartement>::new();
    let agent = ServerAction::<SaveAgent>::new();
    let me = Resource::new(|| (), |_| load_me());
    let admin = Resource::new(|| (), |_| load_admin());
    view! {
        <PageTitle text=t(Msg::InstructorAdministration) />
        <div class="fr-container fr-my-4w">
            <Transition fallback=move || view! { <p>{t(Msg::StatsLoading)}</p> }>
                {move || Suspend::new(async move {
                    match (me.await, admin.await) {
                        (Ok(me), Ok(data)) => view! {
                            <AgentBar agent=me />
                            <AdminBody view=data service departement agent />
                        }.into_any(),
                        (Err(error), _) | (_, Err(error)) => view! { <AgentSignedOut error /> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

#[component]
fn AdminBody(
    view: AdminView,
    service: ServerAction<SaveService>,
    departement: ServerAction<SaveDepartement>,
    agent: ServerAction<SaveAgent>,
) -> impl IntoView {
    let lang = use_lang();
    let service_error = action_error(service);
    let departement_error = action_error(departement);
    let agent_error = action_error(agent);
    let services = view.services.clone();
    let service_options = move || {
        services
            .iter()
            .map(|s| view! { <option value=s.code.clone()>{format!("{} ({})", s.name, s.code)}</option> })
            .collect_view()
    };
    let service_boxes = view
        .services
        .iter()
        .map(|s| {
            let id = format!("agent-service-{}", s.code);
            view! {
                <div class="fr-fieldset__element"><div class="fr-checkbox-group fr-checkbox-group--sm">
                    <input type="checkbox" id=id.clone() name=format!("services[{}]", s.code) value="on" />
                    <label class="fr-label" for=id>{s.name.clone()}</label>
                </div></div>
            }
        })
        .collect_view();
    // The tables' rows are built inside their frames' children, which take `view`'s fields.
    let mail_queue = view.clone();
    view! {
        <h1 class="fr-h3">{t(Msg::InstructorAdministration)}</h1>
        <h2 class="fr-h5" id="services">{t(Msg::AdminInstructionServicesDepartements)}</h2>
        <TableFrame label=t(Msg::AdminServices)>
            <table data-testid="services">
                <caption>{t(Msg::AdminServices)}</caption>
                <thead><tr><th scope="col">{t(Msg::AdminCode)}</th><th scope="col">{t(Msg::AdminName)}</th><th scope="col">{t(Msg::AdminEMail)}</th><th scope="col">{t(Msg::AdminDepartementsOpenBold)}</th></tr></thead>
                <tbody>
                    {view.services.iter().map(|s| view! {
                        <tr>
                            <td>{s.code.clone()}</td><td>{s.name.clone()}</td><td>{s.email.clone()}</td>
                            <td>{s.departements.iter().map(|(code, open)| if *open {
                                view! { <strong>{code.clone()}" "</strong> }.into_any()
                            } else {
                                view! { <span>{code.clone()}" "</span> }.into_any()
                            }).collect_view()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </TableFrame>
        <div class="fr-grid-row fr-grid-row--gutters">
            <div class="fr-col-12 fr-col-md-6">
                <h3 class="fr-h6">{t(Msg::AdminCreateRenameService)}</h3>
                <ErrorBanner error=service_error />
                <ActionForm action=service>
                    <div class="fr-input-group"><label class="fr-label" for="service-code">{t(Msg::AdminCodeEGMoe)}</label><input class="fr-input" id="service-code" name="code" required=true /></div>
                    <div class="fr-input-group"><label class="fr-label" for="service-name">{t(Msg::AdminName)}</label><input class="fr-input" id="service-name" name="name" required=true /></div>
                    <div class="fr-input-group"><label class="fr-label" for="service-email">{t(Msg::AdminServiceEMail)}</label><input class="fr-input" id="service-email" name="email" type="email" required=true /></div>
                    <button class="fr-btn fr-btn--sm" type="submit">{t(Msg::AdminSaveService)}</button>
                </ActionForm>
            </div>
            <div class="fr-col-12 fr-col-md-6" id="departements">
                <h3 class="fr-h6">{t(Msg::AdminAssignOpenDepartement)}</h3>
                <ErrorBanner error=departement_error />
                <ActionForm action=departement>
                    <div class="fr-input-group"><label class="fr-label" for="dep-code">{t(Msg::AdminDepartementEG69)}</label><input class="fr-input" id="dep-code" name="code" required=true maxlength="3" /></div>
                    <div class="fr-select-group"><label class="fr-label" for="dep-service">{t(Msg::AdminService)}</label>
                        <select class="fr-select" id="dep-service" name="service_code"><option value="">{t(Msg::AdminNone)}</option>{service_options.clone()}</select></div>
                    <div class="fr-checkbox-group fr-checkbox-group--sm fr-mb-2w"><input type="checkbox" id="dep-open" name="open" value="on" /><label class="fr-label" for="dep-open">{t(Msg::AdminOpenOnlineRequests)}</label></div>
                    <button class="fr-btn fr-btn--sm" type="submit">{t(Msg::AdminSaveDepartement)}</button>
                </ActionForm>
            </div>
        </div>
        <h2 class="fr-h5 fr-mt-4w" id="agents">{t(Msg::AdminStaff)}</h2>
        <TableFrame label=t(Msg::AdminStaff)>
            <table data-testid="agents">
                <caption>{t(Msg::AdminStaff)}</caption>
                <thead><tr><th scope="col">{t(Msg::AdminName)}</th><th scope="col">{t(Msg::AdminEMail)}</th><th scope="col">{t(Msg::AdminRole)}</th><th scope="col">{t(Msg::AdminServices)}</th><th scope="col">{t(Msg::AdminActive)}</th></tr></thead>
                <tbody>
                    {view.agents.iter().map(|a| {
                        let role = a.role;
                        let active = a.active;
                        view! {
                            <tr>
                                <td>{a.name.clone()}</td><td>{a.email.clone()}</td>
                                <td>{move || role.label(lang.get())}</td>
                                <td>{a.service_codes.join(", ")}</td>
                                <td>{move || if active { lang.get().t(Msg::AdminYes) } else { lang.get().t(Msg::AdminNo) }}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </TableFrame>
        <h3 class="fr-h6">{t(Msg::AdminCreateUpdateStaffMember)}</h3>
        <p class="fr-text--sm">{t(Msg::AdminExistingStaffMemberFound)}</p>
        <ErrorBanner error=agent_error />
        <ActionForm action=agent>
            <div class="fr-grid-row fr-grid-row--gutters">
                <div class="fr-col-12 fr-col-md-6">
                    <div class="fr-input-group"><label class="fr-label" for="agent-new-email">{t(Msg::AdminEMail)}</label><input class="fr-input" id="agent-new-email" name="email" type="email" required=true /></div>
                    <div class="fr-input-group"><label class="fr-label" for="agent-new-name">{t(Msg::AdminName)}</label><input class="fr-input" id="agent-new-name" name="name" required=true /></div>
                    <div class="fr-select-group"><label class="fr-label" for="agent-new-role">{t(Msg::AdminRole)}</label>
                        <select class="fr-select" id="agent-new-role" name="role">
                            {Role::ALL.iter().map(|r| { let r = *r; view! { <option value=r.code()>{move || r.label(lang.get())}</option> } }).collect_view()}
                        </select></div>
                    <div class="fr-input-group"><label class="fr-label" for="agent-new-password">{t(Msg::AdminPassword12CharactersMore)}</label><input class="fr-input" id="agent-new-password" name="password" type="password" autocomplete="new-password" /></div>
                </div>
                <div class="fr-col-12 fr-col-md-6">
                    <fieldset class="fr-fieldset"><legend class="fr-fieldset__legend fr-text--regular">{t(Msg::AdminServices)}</legend>{service_boxes}</fieldset>
                    <div class="fr-checkbox-group fr-checkbox-group--sm fr-mb-2w"><input type="checkbox" id="agent-new-active" name="active" value="on" checked=true /><label class="fr-label" for="agent-new-active">{t(Msg::AdminActiveAccount)}</label></div>
                </div>
            </div>
            <button class="fr-btn fr-btn--sm" type="submit">{t(Msg::AdminSaveStaffMember)}</button>
        </ActionForm>
        <MailQueue view=mail_queue />
    }
}

/// The e-mail queue: how many messages wait, went, fail; the latest fifty, with the last error
/// of a failing one (never a message's text).
#[component]
fn MailQueue(view: AdminView) -> impl IntoView {
    let lang = use_lang();
    let when = |at: chrono::DateTime<chrono::Utc>| at.format("%d/%m/%Y %H:%M").to_string();
    let badge = |state: MailState| match state {
        MailState::Sent => "fr-badge fr-badge--sm fr-badge--success",
        MailState::Queued => "fr-badge fr-badge--sm fr-badge--info",
        MailState::Failing => "fr-badge fr-badge--sm fr-badge--warning",
        MailState::Failed => "fr-badge fr-badge--sm fr-badge--error",
    };
    view! {
        <h2 class="fr-h5 fr-mt-4w" id="courriels">{t(Msg::AdminEMails)}</h2>
        <p data-testid="mail-counts">
            {view.mail_counts.iter().map(|(state, n)| {
                let (state, n) = (*state, *n);
                view! { <span class="fr-mr-2w">{move || format!("{} : {n}", state.label(lang.get()))}</span> }
            }).collect_view()}
        </p>
        <TableFrame label=t(Msg::AdminLatestEMailsUtc)>
            <table data-testid="mails">
                <caption>{t(Msg::AdminLatestEMailsUtc)}</caption>
                <thead><tr>
                    <th scope="col">{t(Msg::AdminQueued)}</th>
                    <th scope="col">{t(Msg::AdminTo)}</th>
                    <th scope="col">{t(Msg::AdminSubject)}</th>
                    <th scope="col">{t(Msg::InstructorState)}</th>
                    <th scope="col">{t(Msg::AdminTries)}</th>
                    <th scope="col">{t(Msg::AdminSentNextTryLast)}</th>
                </tr></thead>
                <tbody>
                    {view.mails.iter().map(|m| {
                        let state = m.state;
                        let outcome = match (m.sent_at, &m.last_error) {
                            (Some(at), _) => when(at),
                            (None, Some(error)) if state == MailState::Failed => error.clone(),
                            (None, Some(error)) => format!("{} — {error}", when(m.next_attempt_at)),
                            (None, None) => when(m.next_attempt_at),
                        };
                        view! {
                            <tr>
                                <td>{when(m.created_at)}</td>
                                <td>{m.recipients.join(", ")}</td>
                                <td>{m.subject.clone()}</td>
                                <td><span class=badge(state)>{move || state.label(lang.get())}</span></td>
                                <td>{m.attempts}</td>
                                <td>{outcome}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </TableFrame>
    }
}
