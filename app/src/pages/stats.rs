//! `/statistiques`: files submitted, accepted and refused, and the median time to a decision,
//! month by month and by département; a chart and the same figures as tables.

use crate::components::layout::PageTitle;
use crate::components::layout::TableFrame;
use leptos::prelude::*;

use crate::api::instruction::load_stats;
use crate::components::layout::t;
use crate::components::layout::use_lang;
use crate::i18n::{Lang, Msg};
use crate::instruction::{Stats, StatsRow};

#[component]
pub fn StatsPage() -> impl IntoView {
    let stats = Resource::new(|| (), |_| load_stats());
    view! {
        <PageTitle text=t(Msg::StatsStatistics) />
        <div class="fr-container fr-my-6w">
            <h1>{t(Msg::StatsPublicStatistics)}</h1>
            <p>{t(Msg::StatsWorkAuthorisationRequestsFiled)}</p>
            <Suspense fallback=move || view! { <p>{t(Msg::StatsLoading)}</p> }>
                {move || Suspend::new(async move {
                    match stats.await {
                        Ok(stats) => view! { <StatsBody stats /> }.into_any(),
                        Err(e) => {
                            let lang = use_lang();
                            view! { <div class="fr-alert fr-alert--error"><p>{move || e.message(lang.get())}</p></div> }.into_any()
                        }
                    }
                })}
            </Suspense>
        </div>
    }
}

fn days(lang: Lang, d: Option<f64>) -> String {
    match d {
        Some(d) => format!(
            "{} {}",
            lang.number((d * 10.0).round() / 10.0),
            lang.t(Msg::StatsD)
        ),
        None => "—".to_owned(),
    }
}

/// Submitted, accepted, refused per month, as grouped bars.
#[component]
fn Chart(rows: Vec<StatsRow>) -> impl IntoView {
    let lang = use_lang();
    let max = rows
        .iter()
        .map(|r| r.submitted.max(r.accepted).max(r.refused))
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let (width, height, top, bottom, left) = (720.0, 260.0, 10.0, 40.0, 40.0);
    let plot = height - top - bottom;
    let slot = (width - left) / rows.len().max(1) as f64;
    let bar = (slot / 4.0).min(24.0);
    let bars = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let x0 = left + i as f64 * slot + (slot - 3.0 * bar) / 2.0;
            let series = [(r.submitted, "wif-bar--submitted"), (r.accepted, "wif-bar--accepted"), (r.refused, "wif-bar--refused")];
            let rects = series
                .into_iter()
                .enumerate()
                .map(|(j, (v, class))| {
                    let h = plot * v as f64 / max;
                    view! { <rect class=class x=format!("{:.1}", x0 + j as f64 * bar) y=format!("{:.1}", top + plot - h) width=format!("{:.1}", bar - 2.0) height=format!("{:.1}", h)><title>{v.to_string()}</title></rect> }
                })
                .collect_view();
            view! {
                <g>
                    {rects}
                    <text x=format!("{:.1}", left + i as f64 * slot + slot / 2.0) y=format!("{:.1}", height - bottom + 16.0) text-anchor="middle" class="wif-axis">{r.month.clone()}</text>
                </g>
            }
        })
        .collect_view();
    let summary = move || lang.get().t(Msg::StatsChartRequestsFiledGranted);
    view! {
        <figure class="wif-chart fr-mb-4w" data-testid="stats-chart">
            <svg viewBox=format!("0 0 {width} {height}") role="img" aria-label=summary>
                <line x1=left y1=top + plot x2=width y2=top + plot class="wif-axis-line" />
                <text x="0" y=format!("{:.1}", top + 10.0) class="wif-axis">{max.to_string()}</text>
                <text x="0" y=format!("{:.1}", top + plot) class="wif-axis">"0"</text>
                {bars}
            </svg>
            <figcaption class="wif-legend fr-text--sm">
                <span class="wif-key wif-bar--submitted"></span>{t(Msg::StatsFiled)}" "
                <span class="wif-key wif-bar--accepted"></span>{t(Msg::StatsGranted)}" "
                <span class="wif-key wif-bar--refused"></span>{t(Msg::StatsRefused)}
            </figcaption>
        </figure>
    }
}

#[component]
fn StatsTable(
    rows: Vec<StatsRow>,
    first: Msg,
    by_month: bool,
    testid: &'static str,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <TableFrame label=t(first) class="fr-table--no-caption">
            <table data-testid=testid>
                <caption>{t(first)}</caption>
                <thead><tr>
                    <th scope="col">{move || if by_month { lang.get().t(Msg::StatsMonth) } else { lang.get().t(Msg::StatsDepartement) }}</th>
                    <th scope="col">{t(Msg::StatsFiled2)}</th>
                    <th scope="col">{t(Msg::StatsGranted2)}</th>
                    <th scope="col">{t(Msg::StatsRefused2)}</th>
                    <th scope="col">{t(Msg::StatsMedianTimeDecision)}</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|r| {
                        let key = if by_month { r.month.clone() } else { r.departement.clone() };
                        let median = r.median_days;
                        view! {
                            <tr>
                                <th scope="row">{key}</th>
                                <td>{r.submitted}</td><td>{r.accepted}</td><td>{r.refused}</td>
                                <td>{move || days(lang.get(), median)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </TableFrame>
    }
}

#[component]
fn StatsBody(stats: Stats) -> impl IntoView {
    let lang = use_lang();
    let total = stats.total.clone();
    let median = total.median_days;
    view! {
        <div class="fr-grid-row fr-grid-row--gutters fr-mb-4w" data-testid="stats-total">
            <div class="fr-col-6 fr-col-md-3"><p class="wif-figure">{total.submitted}</p><p class="fr-text--sm">{t(Msg::StatsRequestsFiled)}</p></div>
            <div class="fr-col-6 fr-col-md-3"><p class="wif-figure">{total.accepted}</p><p class="fr-text--sm">{t(Msg::StatsAuthorisationsGranted)}</p></div>
            <div class="fr-col-6 fr-col-md-3"><p class="wif-figure">{total.refused}</p><p class="fr-text--sm">{t(Msg::StatsRefusals)}</p></div>
            <div class="fr-col-6 fr-col-md-3"><p class="wif-figure">{move || days(lang.get(), median)}</p><p class="fr-text--sm">{t(Msg::StatsMedianTimeDecision2)}</p></div>
        </div>
        <h2 class="fr-h4">{t(Msg::StatsMonth2)}</h2>
        {if stats.by_month.is_empty() {
            view! { <p data-testid="stats-empty">{t(Msg::StatsNoRequestFiledYet)}</p> }.into_any()
        } else {
            view! { <Chart rows=stats.by_month.clone() /> }.into_any()
        }}
        <StatsTable rows=stats.by_month.clone() first=Msg::StatsMonthMonthFiled by_month=true testid="stats-months" />
        <h2 class="fr-h4 fr-mt-4w">{t(Msg::StatsDepartement2)}</h2>
        <StatsTable rows=stats.by_departement.clone() first=Msg::StatsEstablishmentSDepartement by_month=false testid="stats-departements" />
    }
}
