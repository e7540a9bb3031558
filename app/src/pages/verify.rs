//! `/verifier`: anyone holding an authorisation (an employer, a prefecture) checks it with its
//! code and the student's birth date. A GET form, so the answer has its own URL and the page
//! works without JavaScript; the server rate-limits wrong guesses.

use crate::components::layout::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::instruction::verify;
use crate::components::feedback::ErrorBanner;
use crate::components::layout::t;
use crate::components::layout::use_lang;
use crate::pages::instructor::date_text;
use crate::rules::decision::VerifyStatus;

#[component]
pub fn VerifyPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let asked = Memo::new(move |_| {
        query.with(|q| {
            (
                q.get("code").unwrap_or_default(),
                q.get("naissance").unwrap_or_default(),
            )
        })
    });
    let answer = Resource::new(
        move || asked.get(),
        |(code, birth)| async move {
            if code.trim().is_empty() || birth.trim().is_empty() {
                None
            } else {
                Some(verify(code, birth).await)
            }
        },
    );
    view! {
        <PageTitle text=t("Vérifier une autorisation de travail", "Check a work authorisation") />
        <div class="fr-container fr-my-6w">
            <div class="fr-grid-row fr-grid-row--center"><div class="fr-col-12 fr-col-md-8">
                <h1>{t("Vérifier une autorisation de travail", "Check a work authorisation")}</h1>
                <p>{t(
                    "Saisissez le code de vérification imprimé sur l'autorisation (ou lu dans son QR code) et la date de naissance de l'étudiant. Seuls l'état de l'autorisation et quelques informations sont affichés.",
                    "Enter the verification code printed on the authorisation (or read from its QR code) and the student's birth date. Only the authorisation's status and a few details are shown.",
                )}</p>
                <form method="get" action="/verifier" class="fr-mb-4w">
                    <div class="fr-input-group">
                        <label class="fr-label" for="verify-code">{t("Code de vérification", "Verification code")}
                            <span class="fr-hint-text">{t("12 lettres et chiffres, par exemple 7KQ2-M9XD-4TPA", "12 letters and digits, for example 7KQ2-M9XD-4TPA")}</span></label>
                        <input class="fr-input" id="verify-code" name="code" required=true autocomplete="off" value=move || asked.with(|a| a.0.clone()) data-testid="verify-code" />
                    </div>
                    <div class="fr-input-group">
                        <label class="fr-label" for="verify-birth">{t("Date de naissance de l'étudiant", "Student's birth date")}</label>
                        <input class="fr-input" id="verify-birth" name="naissance" type="date" required=true value=move || asked.with(|a| a.1.clone()) data-testid="verify-birth" />
                    </div>
                    <button class="fr-btn" type="submit" data-testid="verify-submit">{t("Vérifier", "Check")}</button>
                </form>
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        match answer.await {
                            None => ().into_any(),
                            Some(Err(e)) => view! { <ErrorBanner error=Signal::derive(move || Some(e.clone())) /> }.into_any(),
                            Some(Ok(a)) => {
                                let status = a.status;
                                let class = match status {
                                    VerifyStatus::Valid => "fr-alert fr-alert--success",
                                    VerifyStatus::NotYetValid => "fr-alert fr-alert--info",
                                    _ => "fr-alert fr-alert--error",
                                };
                                view! {
                                    <div class=class role="status" data-testid="verify-result" data-status=status.code()>
                                        <h2 class="fr-alert__title">{move || status.label(lang.get())}</h2>
                                        <p>
                                            {t("Autorisation n° ", "Authorisation no. ")}{a.number.clone()}<br />
                                            {t("Étudiant : ", "Student: ")}<strong>{a.initials.clone()}</strong><br />
                                            {t("Employeur : ", "Employer: ")}{a.employer_name.clone()}<br />
                                            {t("Valable du ", "Valid from ")}{date_text(Some(a.valid_from))}{t(" au ", " to ")}{date_text(Some(a.valid_until))}
                                        </p>
                                    </div>
                                }.into_any()
                            }
                        }
                    })}
                </Suspense>
            </div></div>
        </div>
    }
}
