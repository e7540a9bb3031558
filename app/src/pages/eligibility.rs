//! `/eligibilite`: the public eligibility check. The answer follows the user's answers live in
//! the browser (the `rules` crate compiled to WASM); without JavaScript the form is submitted
//! (GET, so the answer has an address) and the server renders the same answer.

use crate::components::layout::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::fields::{options, Kind};
use crate::components::form::{FieldErrorSignal, RadioGroup, SelectField, TextField};
use crate::components::layout::{provide_island_lang, t, use_lang};
use crate::i18n::{Lang, Msg};
use crate::rules::eligibility::{self, Contract, EligibilityAnswers, FiledBy, Outcome};
use crate::rules::{decide, Eligibility, ErrorCode, FieldError, RulesConfig};

/// Hidden field that tells a submitted form from a first visit.
const SUBMITTED: &str = "verifier";

type Evaluation = Result<Eligibility, Vec<FieldError>>;

fn evaluate(answers: &EligibilityAnswers, today: chrono::NaiveDate) -> Evaluation {
    eligibility::parse(answers).map(|input| decide(&input, &RulesConfig::default(), today))
}

/// The page: the server reads the answers from the address (a submitted form or a shared
/// link) and renders the form with its answer; the `EligibilityForm` island then follows what
/// is typed.
#[component]
pub fn EligibilityPage() -> impl IntoView {
    let query = use_query_map();
    let (initial, submitted) = query.with_untracked(|q| {
        let mut answers = EligibilityAnswers::default();
        for field in EligibilityAnswers::FIELDS {
            answers.set(field, q.get(field));
        }
        // The defaults the rules apply, shown as chosen so the form says what is decided.
        answers
            .filed_by
            .get_or_insert_with(|| eligibility::default_filed_by().code().to_owned());
        answers
            .within_curriculum
            .get_or_insert_with(|| "false".to_owned());
        (answers, q.get(SUBMITTED).is_some())
    });
    let lang = use_lang().get_untracked();
    let today = crate::env::today();
    view! {
        <PageTitle text=t(Msg::EligibilityTitle) />
        <div class="fr-container fr-my-4w">
            <h1>{t(Msg::EligibilityTitle)}</h1>
            <p class="fr-text--lead">{t(Msg::EligibilityLead)}</p>
            <crate::PreloadFrontEnd island="EligibilityForm" />
            <EligibilityForm lang initial submitted today />
        </div>
    }
}

/// The form and its answer, which follows the answers as they are given: the rules run in the
/// browser, the same code the server runs for the plain form and the API.
#[island(lazy)]
fn EligibilityForm(
    lang: Lang,
    initial: EligibilityAnswers,
    submitted: bool,
    today: chrono::NaiveDate,
) -> impl IntoView {
    let lang = provide_island_lang(lang);
    let initial_hours = initial.annual_hours.clone().unwrap_or_default();
    let answers = RwSignal::new(initial);
    let show_missing = RwSignal::new(submitted);
    let evaluation = Memo::new(move |_| answers.with(|a| evaluate(a, today)));

    let error_of = move |field: &'static str| -> FieldErrorSignal {
        Signal::derive(move || {
            let errors = evaluation
                .with(|e| e.as_ref().err().cloned())
                .unwrap_or_default();
            errors
                .into_iter()
                .find(|e| e.field == field)
                .map(|e| e.code)
                .filter(|code| *code != ErrorCode::Required || show_missing.get())
        })
    };
    let value_of = move |field: &'static str| -> Signal<String> {
        Signal::derive(move || answers.with(|a| a.get(field).unwrap_or("").to_owned()))
    };
    let set = move |field: &'static str| {
        move |value: String| {
            answers.update(|a| a.set(field, Some(value)));
            #[cfg(feature = "hydrate")]
            answers.with_untracked(|a| {
                let mut pairs: Vec<(&str, &str)> = EligibilityAnswers::FIELDS
                    .iter()
                    .map(|f| (*f, a.get(f).unwrap_or("")))
                    .collect();
                pairs.push(("lang", lang.get_untracked().code()));
                crate::env::browser::replace_query(&crate::url::build_query(pairs));
            });
        }
    };

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        // Hydrated: the answer is already on screen; show what is missing and move to it.
        ev.prevent_default();
        show_missing.set(true);
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::JsCast;
            if let Some(el) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("resultat"))
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = el.focus();
            }
        }
    };

    // The same lists as the request's fields (`fields::options`).
    let countries = move || options(Kind::Country, lang.get());
    let permits = move || options(Kind::Permit, lang.get());
    let contracts = move || options(Kind::Contract, lang.get());
    let professions = move || options(Kind::Profession, lang.get());
    let filers = move || choices(FiledBy::ALL, FiledBy::code, FiledBy::label, lang.get());
    let yes_no = move || options(Kind::YesNo, lang.get());
    let curricular_by_nature = move || {
        answers.with(|a| {
            a.contract
                .as_deref()
                .and_then(Contract::from_code)
                .is_some_and(Contract::is_curricular_by_nature)
        })
    };
    let curriculum_hint = Signal::derive(move || {
        lang.get().t(if curricular_by_nature() {
            Msg::CurriculumByNature
        } else {
            Msg::CurriculumHint
        })
    });
    let within_answer = value_of("within_curriculum");
    let within_value = Signal::derive(move || {
        if curricular_by_nature() {
            "true".to_owned()
        } else {
            within_answer.get()
        }
    });
    let renewal_checked = answers.with_untracked(|a| {
        a.renewal
            .as_deref()
            .and_then(eligibility::parse_bool)
            .unwrap_or(false)
    });

    let form_ref = NodeRef::<leptos::html::Form>::new();
    // Answers given before the WASM took over are in the fields, not in the query: read them
    // once hydrated, so the answer shown follows what the form shows.
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        let Some(data) = form_ref
            .get()
            .and_then(|form| web_sys::FormData::new_with_form(&form).ok())
        else {
            return;
        };
        let typed: Vec<(&'static str, String)> = EligibilityAnswers::FIELDS
            .iter()
            .filter_map(|field| {
                let shown = data.get(field).as_string().or_else(|| {
                    // An unticked box is absent from the form's data.
                    (*field == "renewal").then(|| "false".to_owned())
                })?;
                let held = answers.with_untracked(|a| a.get(field).unwrap_or("").to_owned());
                (shown != held && !(shown == "false" && held.is_empty())).then_some((*field, shown))
            })
            .collect();
        if !typed.is_empty() {
            answers.update(|a| {
                for (field, value) in typed {
                    a.set(field, Some(value));
                }
            });
        }
    });

    view! {
            <div class="fr-grid-row fr-grid-row--gutters">
                <div class="fr-col-12 fr-col-md-7">
                    <form method="get" action="/eligibilite" novalidate on:submit=on_submit data-testid="eligibility-form" node_ref=form_ref>
                        <input type="hidden" name=SUBMITTED value="1" />
                        <input type="hidden" name="lang" value=move || lang.get().code() />
                        <SelectField
                            id="nationality"
                            label=t(Msg::NationalityLabel)
                            placeholder=t(Msg::NationalityPlaceholder)
                            options=countries
                            value=value_of("nationality")
                            error=error_of("nationality")
                            on_change=set("nationality")
                        />
                        <RadioGroup
                            id="permit"
                            legend=t(Msg::PermitLegend)
                            hint=Signal::derive(t(Msg::PermitHint))
                            options=permits
                            value=value_of("permit")
                            error=error_of("permit")
                            on_change=set("permit")
                        />
                        <SelectField
                            id="contract"
                            label=t(Msg::ContractLabel)
                            placeholder=t(Msg::ContractPlaceholder)
                            options=contracts
                            value=value_of("contract")
                            error=error_of("contract")
                            on_change=set("contract")
                        />
                        <TextField
                            id="annual_hours"
                            label=t(Msg::HoursLabel)
                            hint=Signal::derive(t(Msg::HoursHint))
                            initial=initial_hours
                            inputmode="decimal"
                            error=error_of("annual_hours")
                            on_input=set("annual_hours")
                        />
                        <RadioGroup
                            id="within_curriculum"
                            legend=t(Msg::CurriculumLegend)
                            hint=curriculum_hint
                            options=yes_no
                            value=within_value
                            disabled=Signal::derive(curricular_by_nature)
                            error=error_of("within_curriculum")
                            on_change=set("within_curriculum")
                            inline=true
                        />
                        <SelectField
                            id="regulated_profession"
                            label=t(Msg::ProfessionLabel)
                            hint=Signal::derive(t(Msg::ProfessionHint))
                            placeholder=t(Msg::ProfessionPlaceholder)
                            options=professions
                            value=value_of("regulated_profession")
                            error=error_of("regulated_profession")
                            on_change=set("regulated_profession")
                        />
                        <RadioGroup
                            id="filed_by"
                            legend=t(Msg::FiledByLegend)
                            options=filers
                            value=value_of("filed_by")
                            error=error_of("filed_by")
                            on_change=set("filed_by")
                        />
                        <div class="fr-fieldset__element">
                            <div class="fr-checkbox-group">
                                <input
                                    type="checkbox"
                                    id="renewal"
                                    name="renewal"
                                    value="true"
                                    checked=renewal_checked
                                    on:change=move |ev| set("renewal")(event_target_checked(&ev).to_string())
                                />
                                <label class="fr-label" for="renewal">{t(Msg::RenewalLabel)}</label>
                            </div>
                        </div>
                        <div class="fr-mt-4w">
                            <button class="fr-btn" type="submit">{t(Msg::SeeResult)}</button>
                        </div>
                    </form>
                </div>
                <div class="fr-col-12 fr-col-md-5">
                    <section
                        id="resultat"
                        class="wif-result"
                        tabindex="-1"
                        aria-live="polite"
                        aria-labelledby="resultat-titre"
                    >
                        <h2 class="fr-h4" id="resultat-titre">{t(Msg::ResultHeading)}</h2>
                        {move || match evaluation.get() {
                            Ok(decision) => view! { <Decision decision today /> }.into_any(),
                            Err(errors) => {
                                view! { <Pending errors show_missing=show_missing.get() /> }.into_any()
                            }
                        }}
                    </section>
                </div>
            </div>
    }
}

/// The `(code, label)` options of a closed set of codes, in `lang`.
pub(crate) fn choices<T: Copy>(
    all: &[T],
    code: fn(T) -> &'static str,
    label: fn(T, Lang) -> &'static str,
    lang: Lang,
) -> Vec<(String, &'static str)> {
    all.iter()
        .map(|&item| (code(item).to_owned(), label(item, lang)))
        .collect()
}

#[component]
fn Pending(errors: Vec<FieldError>, show_missing: bool) -> impl IntoView {
    let lang = use_lang();
    let invalid = errors.iter().any(|e| e.code != ErrorCode::Required);
    let message = if invalid || show_missing {
        Msg::ResultFixAnswers
    } else {
        Msg::ResultWaiting
    };
    view! {
        <p class="wif-result__pending" data-testid="eligibility-pending">{t(message)}</p>
        <Show when=move || invalid || show_missing>
            <ul class="wif-result__errors">
                {errors
                    .iter()
                    .map(|e| {
                        let href = format!("#{}", e.field);
                        let field = field_label(&e.field);
                        let code = e.code;
                        view! {
                            <li>
                                <a href=href>{move || field(lang.get())}</a>
                                " : "
                                {move || code.message(lang.get())}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </Show>
    }
}

fn field_label(field: &str) -> impl Fn(Lang) -> &'static str + Send + Sync + 'static {
    let msg = match field {
        "nationality" => Msg::NationalityLabel,
        "permit" => Msg::PermitLegend,
        "contract" => Msg::ContractLabel,
        "annual_hours" => Msg::HoursLabel,
        "within_curriculum" => Msg::CurriculumLegend,
        "regulated_profession" => Msg::ProfessionLabel,
        "filed_by" => Msg::FiledByLegend,
        _ => Msg::RenewalLabel,
    };
    move |lang| lang.t(msg)
}

#[component]
fn Decision(decision: Eligibility, today: chrono::NaiveDate) -> impl IntoView {
    let lang = use_lang();
    let modifier = match decision.outcome {
        Outcome::NotRequired => "wif-callout--success",
        Outcome::Required => "wif-callout--info",
        Outcome::NotEligible => "wif-callout--warning",
    };
    let d = decision.clone();
    let reason_codes = d
        .reasons
        .iter()
        .map(|r| r.code())
        .collect::<Vec<_>>()
        .join(" ");
    let reasons = decision.reasons.clone();
    let cap = decision.max_annual_hours;
    let obligations = decision.obligations.clone();
    let required = decision.required_documents.clone();
    let optional = decision.optional_documents.clone();
    view! {
        <div
            class=format!("fr-callout {modifier}")
            data-testid="eligibility-result"
            data-outcome=d.outcome.code()
            data-reasons=reason_codes
        >
            <p class="fr-callout__title" role="status">{move || d.outcome.title(lang.get())}</p>
            {reasons
                .into_iter()
                .map(|r| {
                    view! {
                        <p class="fr-callout__text">{move || r.explain(lang.get(), cap)}</p>
                        <p class="fr-text--sm wif-legal">{t(Msg::LegalBasis)} " " {r.article()}</p>
                    }
                })
                .collect_view()}
            {cap.map(|cap| view! {
                <p class="wif-cap" data-testid="eligibility-cap">
                    <strong>{t(Msg::CapLabel)}</strong>
                    " "
                    {move || format!("{} {}", lang.get().number(cap), lang.get().t(Msg::HoursPerYear))}
                </p>
            })}
        </div>
        {(!obligations.is_empty()).then(|| view! {
            <div class="fr-notice-like fr-mt-2w">
                <h3 class="fr-h6">{t(Msg::ObligationsHeading)}</h3>
                <ul>
                    {obligations.into_iter().map(|o| view! {
                        <li>{move || o.explain(lang.get())} <span class="fr-text--xs wif-legal">" (" {o.article()} ")"</span></li>
                    }).collect_view()}
                </ul>
            </div>
        })}
        {(!required.is_empty()).then(|| view! {
            <div class="fr-mt-2w" data-testid="eligibility-documents">
                <h3 class="fr-h6">{t(Msg::DocumentsHeading)}</h3>
                <ul>
                    {required.into_iter().map(|doc| view! {
                        <li data-document=doc.code()>{move || doc.label(lang.get())}</li>
                    }).collect_view()}
                </ul>
                <p class="fr-text--sm">{t(Msg::DocumentsFormat)}</p>
            </div>
        })}
        {(!optional.is_empty()).then(|| view! {
            <div class="fr-mt-2w">
                <h3 class="fr-h6">{t(Msg::OptionalDocumentsHeading)}</h3>
                <ul>
                    {optional.into_iter().map(|doc| view! {
                        <li data-document=doc.code()>{move || doc.label(lang.get())}</li>
                    }).collect_view()}
                </ul>
            </div>
        })}
        <p class="fr-text--xs fr-mt-2w wif-legal">
            {move || format!("{} {}.", lang.get().t(Msg::RulesInForce), lang.get().date(today))}
            " "
            {t(Msg::NotADecision)}
        </p>
    }
}
