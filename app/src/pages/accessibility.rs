use crate::components::layout::PageTitle;
use leptos::prelude::*;

use crate::components::layout::{t, tr, TableFrame};
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
const CRITERIA: &[(&str, (&str, &str), Check)] = &[
    ("1.1", ("Chaque image porteuse d'information a-t-elle une alternative textuelle ?", "Does each informative image have a text alternative?"), Check::Axe),
    ("3.2", ("Le contraste entre la couleur du texte et celle de son arrière-plan est-il suffisamment élevé ?", "Is the contrast between text and background colours high enough?"), Check::Axe),
    ("5.7", ("Chaque cellule d'un tableau de données est-elle associée à ses en-têtes ?", "Is each data table cell associated with its headers?"), Check::Axe),
    ("6.2", ("Chaque lien a-t-il un intitulé ?", "Does each link have a name?"), Check::Axe),
    ("7.1", ("Chaque script est-il compatible avec les technologies d'assistance ?", "Is each script compatible with assistive technologies?"), Check::AxeAndKeyboard),
    ("7.3", ("Chaque script est-il contrôlable par le clavier ?", "Can each script be operated by keyboard?"), Check::Keyboard),
    ("8.3", ("La langue par défaut de chaque page est-elle présente ?", "Is each page's default language given?"), Check::Axe),
    ("8.4", ("Le code de langue de chaque page est-il valide ?", "Is each page's language code valid?"), Check::Axe),
    ("8.5", ("Chaque page a-t-elle un titre ?", "Does each page have a title?"), Check::Axe),
    ("8.7", ("Chaque changement de langue est-il indiqué dans le code source ?", "Is each change of language marked in the source?"), Check::Axe),
    ("11.1", ("Chaque champ de formulaire a-t-il une étiquette ?", "Does each form field have a label?"), Check::AxeAndKeyboard),
    ("11.10", ("Le contrôle de saisie est-il utilisé de manière pertinente ? (résumé des erreurs qui reçoit le focus, chaque erreur liée à son champ)", "Is input checking used appropriately? (an error summary that takes the focus, each error linked to its field)"), Check::Keyboard),
    ("11.13", ("La finalité d'un champ de saisie peut-elle être déduite (attribut autocomplete) ?", "Can an input's purpose be determined (autocomplete attribute)?"), Check::Axe),
    ("12.7", ("Un lien d'évitement vers le contenu principal est-il présent ?", "Is there a skip link to the main content?"), Check::Axe),
    ("12.8", ("L'ordre de tabulation est-il cohérent ?", "Is the tab order consistent?"), Check::Keyboard),
];

/// The accessibility statement the RGAA requires, linked from every page's footer.
#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let lang = crate::components::layout::use_lang();
    let how = move |check: Check| {
        lang.get().pick(match check {
            Check::Axe => ("Automatique (axe-core)", "Automated (axe-core)"),
            Check::Keyboard => ("Parcours au clavier", "Keyboard journey"),
            Check::AxeAndKeyboard => (
                "Automatique (axe-core) et parcours au clavier",
                "Automated (axe-core) and keyboard journey",
            ),
        })
    };
    view! {
        <PageTitle text=tr(Msg::AccessibilityTitle) />
        <div class="fr-container fr-my-6w">
            <h1>{tr(Msg::AccessibilityTitle)}</h1>
            <p>{tr(Msg::AccessibilityIntro)}</p>
            <h2>{tr(Msg::AccessibilityStatusHeading)}</h2>
            <p>{tr(Msg::AccessibilityStatusText)}</p>
            <h2>{tr(Msg::AccessibilityDoneHeading)}</h2>
            <p>{tr(Msg::AccessibilityDoneText)}</p>
            <h2>{t("Critères RGAA 4.1 vérifiés à chaque version", "RGAA 4.1 criteria checked on every version")}</h2>
            <p>{t(
                "Avant chaque mise en production, les tests de bout en bout parcourent le service dans Chromium, sur ordinateur et sur téléphone : axe-core y contrôle chaque page affichée selon les règles WCAG 2.1 A et AA, et des parcours se font au clavier seul (Tab, Maj+Tab, Entrée, Espace, flèches). Les autres critères n'ont pas encore été évalués.",
                "Before each release, the end-to-end tests go through the service in Chromium, on a computer and on a phone: axe-core checks each page shown against the WCAG 2.1 A and AA rules, and some journeys are made with the keyboard alone (Tab, Shift+Tab, Enter, Space, arrows). The other criteria have not been assessed yet.",
            )}</p>
            <TableFrame label=t("Critères vérifiés et méthode", "Criteria checked and how")>
                <table>
                    <caption>{t("Critères vérifiés et méthode", "Criteria checked and how")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t("Critère", "Criterion")}</th>
                            <th scope="col">{t("Intitulé", "Wording")}</th>
                            <th scope="col">{t("Vérification", "Check")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {CRITERIA.iter().map(|&(number, text, check)| view! {
                            <tr>
                                <th scope="row">{number}</th>
                                <td>{move || lang.get().pick(text)}</td>
                                <td>{move || how(check)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </TableFrame>
            <h2>{tr(Msg::AccessibilityContactHeading)}</h2>
            <p>{tr(Msg::AccessibilityContactText)}</p>
        </div>
    }
}
