use crate::components::layout::PageTitle;
use leptos::prelude::*;

use crate::components::layout::{t, TableFrame};
use crate::i18n::Msg;

/// How a criterion is checked, each time `make test` runs.
#[derive(Clone, Copy)]
enum Check {
    /// axe-core's WCAG 2.1 A and AA rules, on every page of every journey, at both widths
    /// (end2end/tests/fixtures.ts).
    Axe,
    /// The journeys made with the keyboard alone (end2end/tests/keyboard.spec.ts).
    Keyboard,
    /// Both.
    AxeAndKeyboard,
}

/// The RGAA 4.1 criteria checked, with the number and wording of the reference.
const CRITERIA: &[(&str, Msg, Check)] = &[
    (
        "1.1",
        Msg::AccessibilityDoesEachInformativeImage,
        Check::Axe,
    ),
    (
        "3.2",
        Msg::AccessibilityContrastBetweenTextBackground,
        Check::Axe,
    ),
    ("5.7", Msg::AccessibilityEachDataTableCell, Check::Axe),
    ("6.2", Msg::AccessibilityDoesEachLinkHave, Check::Axe),
    (
        "7.1",
        Msg::AccessibilityEachScriptCompatibleAssistive,
        Check::AxeAndKeyboard,
    ),
    (
        "7.3",
        Msg::AccessibilityCanEachScriptOperated,
        Check::Keyboard,
    ),
    ("8.3", Msg::AccessibilityEachPageSDefault, Check::Axe),
    ("8.4", Msg::AccessibilityEachPageSLanguage, Check::Axe),
    ("8.5", Msg::AccessibilityDoesEachPageHave, Check::Axe),
    (
        "8.7",
        Msg::AccessibilityEachChangeLanguageMarked,
        Check::Axe,
    ),
    (
        "11.1",
        Msg::AccessibilityDoesEachFormField,
        Check::AxeAndKeyboard,
    ),
    (
        "11.10",
        Msg::AccessibilityInputCheckingUsedAppropriately,
        Check::Keyboard,
    ),
    ("11.13", Msg::AccessibilityCanInputSPurpose, Check::Axe),
    ("12.7", Msg::AccessibilityThereSkipLinkMain, Check::Axe),
    (
        "12.8",
        Msg::AccessibilityTabOrderConsistent,
        Check::Keyboard,
    ),
];

/// The accessibility statement the RGAA requires, linked from every page's footer.
#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let lang = crate::components::layout::use_lang();
    let how = move |check: Check| {
        lang.get().t(match check {
            Check::Axe => Msg::AccessibilityAutomatedAxeCore,
            Check::Keyboard => Msg::AccessibilityKeyboardJourney,
            Check::AxeAndKeyboard => Msg::AccessibilityAutomatedAxeCoreKeyboard,
        })
    };
    view! {
        <PageTitle text=t(Msg::AccessibilityTitle) />
        <div class="fr-container fr-my-6w">
            <h1>{t(Msg::AccessibilityTitle)}</h1>
            <p>{t(Msg::AccessibilityIntro)}</p>
            <h2>{t(Msg::AccessibilityStatusHeading)}</h2>
            <p>{t(Msg::AccessibilityStatusText)}</p>
            <h2>{t(Msg::AccessibilityDoneHeading)}</h2>
            <p>{t(Msg::AccessibilityDoneText)}</p>
            <h2>{t(Msg::AccessibilityRgaa41Criteria)}</h2>
            <p>{t(Msg::AccessibilityBeforeEachReleaseEnd)}</p>
            <TableFrame label=t(Msg::AccessibilityCriteriaCheckedHow)>
                <table>
                    <caption>{t(Msg::AccessibilityCriteriaCheckedHow)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(Msg::AccessibilityCriterion)}</th>
                            <th scope="col">{t(Msg::AccessibilityWording)}</th>
                            <th scope="col">{t(Msg::AccessibilityCheck)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {CRITERIA.iter().map(|&(number, text, check)| view! {
                            <tr>
                                <th scope="row">{number}</th>
                                <td>{move || lang.get().t(text)}</td>
                                <td>{move || how(check)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </TableFrame>
            <h2>{t(Msg::AccessibilityContactHeading)}</h2>
            <p>{t(Msg::AccessibilityContactText)}</p>
        </div>
    }
}
