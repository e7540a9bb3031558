//! `/instruction/admin`: services, which départements each serves and which are open, and the
//! agents. Administrators only (the server refuses anyone else).

use crate::components::layout::PageTitle;
use leptos::prelude::*;

use super::{AgentBar, AgentSignedOut};
use crate::api::instruction::{load_admin, load_me, SaveAgent, SaveDepartement, SaveService};
use crate::components::feedback::{action_error, ErrorBanner};
use crate::components::keyed::{fingerprint, keyed};
use crate::components::layout::t;
use crate::components::layout::use_lang;
use crate::instruction::AdminView;
use crate::rules::decision::Role;

#[component]
pub fn AdminPage() -> impl IntoView {
    let service = ServerAction::<SaveService>::new();
    let departement = ServerAction::<SaveDepartement>::new();
    let agent = ServerAction::<SaveAgent>::new();
    let me = Resource::new(|| (), |_| load_me());
    let admin = Resource::new(
        move || {
            (
                service.version().get(),
                departement.version().get(),
                agent.version().get(),
            )
        },
        |_| load_admin(),
    );
    view! {
        <PageTitle text=t("Administration", "Administration") />
        <div class="fr-container fr-my-4w">
            <Transition fallback=move || view! { <p>{t("Chargement…", "Loading…")}</p> }>
                {move || Suspend::new(async move {
                    match (me.await, admin.await) {
                        (Ok(me), Ok(data)) => view! {
                            <AgentBar agent=me />
                            {keyed(fingerprint(&data), move || view! { <AdminBody view=data.clone() service departement agent /> })}
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
    view! {
        <h1 class="fr-h3">{t("Administration", "Administration")}</h1>
        <h2 class="fr-h5" id="services">{t("Services instructeurs et départements", "Instruction services and départements")}</h2>
        <div class="fr-table"><div class="fr-table__wrapper"><div class="fr-table__container"><div class="fr-table__content">
            <table data-testid="services">
                <caption>{t("Services", "Services")}</caption>
                <thead><tr><th scope="col">{t("Code", "Code")}</th><th scope="col">{t("Nom", "Name")}</th><th scope="col">{t("Courriel", "E-mail")}</th><th scope="col">{t("Départements (ouverts en gras)", "Départements (open in bold)")}</th></tr></thead>
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
        </div></div></div></div>
        <div class="fr-grid-row fr-grid-row--gutters">
            <div class="fr-col-12 fr-col-md-6">
                <h3 class="fr-h6">{t("Créer ou renommer un service", "Create or rename a service")}</h3>
                <ErrorBanner error=service_error />
                <ActionForm action=service>
                    <div class="fr-input-group"><label class="fr-label" for="service-code">{t("Code (ex. moe-lyon)", "Code (e.g. moe-lyon)")}</label><input class="fr-input" id="service-code" name="code" required=true /></div>
                    <div class="fr-input-group"><label class="fr-label" for="service-name">{t("Nom", "Name")}</label><input class="fr-input" id="service-name" name="name" required=true /></div>
                    <div class="fr-input-group"><label class="fr-label" for="service-email">{t("Courriel du service", "Service e-mail")}</label><input class="fr-input" id="service-email" name="email" type="email" required=true /></div>
                    <button class="fr-btn fr-btn--sm" type="submit">{t("Enregistrer le service", "Save the service")}</button>
                </ActionForm>
            </div>
            <div class="fr-col-12 fr-col-md-6" id="departements">
                <h3 class="fr-h6">{t("Rattacher et ouvrir un département", "Assign and open a département")}</h3>
                <ErrorBanner error=departement_error />
                <ActionForm action=departement>
                    <div class="fr-input-group"><label class="fr-label" for="dep-code">{t("Département (ex. 69, 2A, 974)", "Département (e.g. 69, 2A, 974)")}</label><input class="fr-input" id="dep-code" name="code" required=true maxlength="3" /></div>
                    <div class="fr-select-group"><label class="fr-label" for="dep-service">{t("Service", "Service")}</label>
                        <select class="fr-select" id="dep-service" name="service_code"><option value="">{t("Aucun", "None")}</option>{service_options.clone()}</select></div>
                    <div class="fr-checkbox-group fr-checkbox-group--sm fr-mb-2w"><input type="checkbox" id="dep-open" name="open" value="on" /><label class="fr-label" for="dep-open">{t("Ouvert aux demandes en ligne", "Open to online requests")}</label></div>
                    <button class="fr-btn fr-btn--sm" type="submit">{t("Enregistrer le département", "Save the département")}</button>
                </ActionForm>
            </div>
        </div>
        <h2 class="fr-h5 fr-mt-4w" id="agents">{t("Agents", "Staff")}</h2>
        <div class="fr-table"><div class="fr-table__wrapper"><div class="fr-table__container"><div class="fr-table__content">
            <table data-testid="agents">
                <caption>{t("Agents", "Staff")}</caption>
                <thead><tr><th scope="col">{t("Nom", "Name")}</th><th scope="col">{t("Courriel", "E-mail")}</th><th scope="col">{t("Rôle", "Role")}</th><th scope="col">{t("Services", "Services")}</th><th scope="col">{t("Actif", "Active")}</th></tr></thead>
                <tbody>
                    {view.agents.iter().map(|a| {
                        let role = a.role;
                        let active = a.active;
                        view! {
                            <tr>
                                <td>{a.name.clone()}</td><td>{a.email.clone()}</td>
                                <td>{move || role.label(lang.get())}</td>
                                <td>{a.service_codes.join(", ")}</td>
                                <td>{move || if active { lang.get().pick(("oui", "yes")) } else { lang.get().pick(("non", "no")) }}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div></div></div></div>
        <h3 class="fr-h6">{t("Créer ou modifier un agent", "Create or update a staff member")}</h3>
        <p class="fr-text--sm">{t(
            "Un agent existant est retrouvé par son adresse ; laissez le mot de passe vide pour le garder.",
            "An existing staff member is found by address; leave the password empty to keep it.",
        )}</p>
        <ErrorBanner error=agent_error />
        <ActionForm action=agent>
            <div class="fr-grid-row fr-grid-row--gutters">
                <div class="fr-col-12 fr-col-md-6">
                    <div class="fr-input-group"><label class="fr-label" for="agent-new-email">{t("Courriel", "E-mail")}</label><input class="fr-input" id="agent-new-email" name="email" type="email" required=true /></div>
                    <div class="fr-input-group"><label class="fr-label" for="agent-new-name">{t("Nom", "Name")}</label><input class="fr-input" id="agent-new-name" name="name" required=true /></div>
                    <div class="fr-select-group"><label class="fr-label" for="agent-new-role">{t("Rôle", "Role")}</label>
                        <select class="fr-select" id="agent-new-role" name="role">
                            {Role::ALL.iter().map(|r| { let r = *r; view! { <option value=r.code()>{move || r.label(lang.get())}</option> } }).collect_view()}
                        </select></div>
                    <div class="fr-input-group"><label class="fr-label" for="agent-new-password">{t("Mot de passe (12 caractères ou plus)", "Password (12 characters or more)")}</label><input class="fr-input" id="agent-new-password" name="password" type="password" autocomplete="new-password" /></div>
                </div>
                <div class="fr-col-12 fr-col-md-6">
                    <fieldset class="fr-fieldset"><legend class="fr-fieldset__legend fr-text--regular">{t("Services", "Services")}</legend>{service_boxes}</fieldset>
                    <div class="fr-checkbox-group fr-checkbox-group--sm fr-mb-2w"><input type="checkbox" id="agent-new-active" name="active" value="on" checked=true /><label class="fr-label" for="agent-new-active">{t("Compte actif", "Active account")}</label></div>
                </div>
            </div>
            <button class="fr-btn fr-btn--sm" type="submit">{t("Enregistrer l'agent", "Save the staff member")}</button>
        </ActionForm>
    }
}
