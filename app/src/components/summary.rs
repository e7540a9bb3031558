//! A typed step read back in words: the applicant's summary before filing, and the
//! instructor's view of a dossier.

use leptos::prelude::*;

use crate::components::fields;
use crate::components::layout::{t, use_lang};
use crate::i18n::{Lang, Msg};
use crate::rules::request::{RawForm, Step};

pub fn step_title(step: Step, lang: Lang) -> &'static str {
    lang.t(match step {
        Step::Student => Msg::SummaryEmployee,
        Step::Employer => Msg::SummaryEmployer,
        Step::Job => Msg::SummaryJobContract,
        Step::Documents => Msg::SummaryDocuments,
        Step::Summary => Msg::SummarySummary,
        Step::Confirmation => Msg::SummaryConfirmation,
    })
}

/// One typed step, every value in words (the summary, and the instructor's file).
#[component]
pub fn StepSummary(step: Step, form: RawForm, editable: bool) -> impl IntoView {
    let lang = use_lang();
    view! {
        <section class="fr-mb-4w">
            <h2 class="fr-h5">
                {move || step_title(step, lang.get())}
                {editable.then(|| view! { " " <a class="fr-link fr-text--sm" href=step.path()>{t(Msg::SummaryChange)}<span class="fr-sr-only">" " {move || step_title(step, lang.get())}</span></a> })}
            </h2>
            <dl class="wif-summary">
                {step.fields().iter().map(|name| {
                    let name: &'static str = name;
                    let value = form.get(name).cloned().unwrap_or_default();
                    let spec = fields::spec_of(name);
                    view! {
                        <dt>{move || lang.get().t(spec.label)}</dt>
                        <dd>{move || fields::display(name, &value, lang.get())}</dd>
                    }
                }).collect_view()}
            </dl>
        </section>
    }
}
