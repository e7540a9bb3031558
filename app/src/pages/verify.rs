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
use crate::i18n::Msg;
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
        <PageTitle text=t(Msg::VerifyCheckWorkAuthorisation) />
        <div class="fr-container fr-my-6w">
            <div class="fr-grid-row fr-grid-row--center"><div class="fr-col-12 fr-col-md-8">
                <h1>{t(Msg::VerifyCheckWorkAuthorisation)}</h1>
                <p>{t(Msg::VerifyEnterVerificationCodePrinted)}</p>
                <form method="get" action="/verifier" class="fr-mb-4w">
                    <div class="fr-input-group">
                        <label class="fr-label" for="verify-code">{t(Msg::VerifyVerificationCode)}
                            <span class="fr-hint-text">{t(Msg::Verify12LettersDigitsExample)}</span></label>
                        <input class="fr-input" id="verify-code" name="code" required=true autocomplete="off" value=move || asked.with(|a| a.0.clone()) data-testid="verify-code" />
                    </div>
                    <div class="fr-input-group">
                        <label class="fr-label" for="verify-birth">{t(Msg::VerifyStudentSBirthDate)}</label>
                        <input class="fr-input" id="verify-birth" name="naissance" type="date" required=true value=move || asked.with(|a| a.1.clone()) data-testid="verify-birth" />
                    </div>
                    <button class="fr-btn" type="submit" data-testid="verify-submit">{t(Msg::VerifyCheck)}</button>
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
                                            {t(Msg::VerifyAuthorisationNo)}{a.number.clone()}<br />
                                            {t(Msg::VerifyStudent)}<strong>{a.initials.clone()}</strong><br />
                                            {t(Msg::VerifyEmployer)}{a.employer_name.clone()}<br />
                                            {t(Msg::VerifyValidFrom)}{move || lang.get().date(a.valid_from)}{t(Msg::VerifyTo)}{move || lang.get().date(a.valid_until)}
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
