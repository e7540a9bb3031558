//! The interface's sentences. The macro makes a missing translation a compile error.

use super::Lang;

macro_rules! messages {
    ($($key:ident => $fr:literal, $en:literal;)+) => {
        /// One interface sentence, in every language.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg { $($key),+ }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$key),+];

            pub const fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Msg::$key, Lang::Fr) => $fr, (Msg::$key, Lang::En) => $en,)+
                }
            }
        }
    };
}

messages! {
    MetaDescription => "Savoir si un étudiant étranger a besoin d'une autorisation de travail, la demander en ligne et suivre son dossier.",
        "Find out whether a foreign student needs a work authorisation, request it online and follow the file.";
    Tagline => "Autorisation de travail des étudiants étrangers", "Work authorisation for foreign students";
    HomeLinkTitle => "Accueil – Work in France", "Home – Work in France";
    SkipLinksLabel => "Accès rapide", "Quick access";
    SkipToContent => "Contenu", "Content";
    SkipToFooter => "Pied de page", "Footer";
    MainMenu => "Menu principal", "Main menu";
    MenuButton => "Menu", "Menu";
    NavHome => "Accueil", "Home";
    NavEligibility => "Ai-je besoin d'une autorisation ?", "Do I need an authorisation?";
    NavRequest => "Faire une demande", "Make a request";
    NavFollow => "Reprendre ou suivre", "Resume or follow";
    FooterDescription => "Work in France aide les étudiants étrangers et leurs employeurs à savoir si une autorisation de travail est nécessaire, à la demander et à suivre le dossier. Les règles appliquées sont celles du droit en vigueur.",
        "Work in France helps foreign students and their employers find out whether a work authorisation is needed, request it and follow the file. The rules applied are those of the law in force.";
    AccessibilityStatus => "Accessibilité : partiellement conforme", "Accessibility: partially compliant";
    FooterApi => "API publique (OpenAPI)", "Public API (OpenAPI)";
    FooterVerify => "Vérifier une autorisation", "Check an authorisation";
    FooterStats => "Statistiques", "Statistics";
    FooterInstructors => "Espace instructeur", "Instructor area";
    FooterLicence => "Sauf mention contraire, les contenus de ce site sont sous licence etalab-2.0.", "Unless stated otherwise, this site's content is under the etalab-2.0 licence.";

    HomeTitle => "Accueil", "Home";
    HomeHeading => "Travailler pendant ses études en France", "Working while studying in France";
    HomeLead => "Étudiant étranger ou employeur : vérifiez en une minute si une autorisation de travail est nécessaire, quelles pièces préparer et combien d'heures sont permises.",
        "Foreign student or employer: check in one minute whether a work authorisation is needed, which documents to prepare and how many hours are allowed.";
    HomeCta => "Vérifier si une autorisation est nécessaire", "Check whether an authorisation is needed";
    HomeStep1Title => "1. Vérifier", "1. Check";
    HomeStep1Text => "Quelques questions sur la nationalité, le titre de séjour et le contrat suffisent : la réponse s'affiche immédiatement, avec la règle qui la fonde.",
        "A few questions on nationality, residence permit and contract are enough: the answer shows at once, with the rule behind it.";
    HomeStep2Title => "2. Déposer", "2. File";
    HomeStep2Text => "La demande en ligne, en six étapes et une dizaine de minutes, remplace le formulaire papier : pièces jointes, récépissé immédiat.",
        "The six-step online request, about ten minutes, replaces the paper form: documents attached, receipt at once.";
    HomeStep3Title => "3. Suivre", "3. Follow";
    HomeStep3Text => "Chaque étape du dossier est envoyée par courriel à l'étudiant et à l'employeur, qui le suivent en ligne avec leur code d'accès.",
        "Each step of the file is e-mailed to the student and the employer, who follow it online with their access code.";
    HomeRequestCta => "Faire une demande", "Make a request";
    HomeLawTitle => "Le droit en vigueur", "The law in force";
    HomeLawText => "Depuis le 1er avril 2021, l'« autorisation provisoire de travail » (APT) est une autorisation de travail ordinaire, demandée par l'employeur auprès du préfet du département de l'établissement qui embauche. Ce service applique ces règles et leurs montants en vigueur.",
        "Since 1 April 2021, the “provisional work authorisation” (APT) is an ordinary work authorisation, requested by the employer from the prefect of the hiring establishment's département. This service applies these rules and their current figures.";

    EligibilityTitle => "Ai-je besoin d'une autorisation de travail ?", "Do I need a work authorisation?";
    EligibilityLead => "Répondez aux questions : la réponse se met à jour à chaque réponse. Aucune donnée n'est enregistrée.",
        "Answer the questions: the answer updates with each reply. No data is stored.";
    NationalityLabel => "Nationalité de l'étudiant", "Student's nationality";
    NationalityPlaceholder => "Sélectionnez une nationalité", "Select a nationality";
    PermitLegend => "Titre de séjour de l'étudiant", "Student's residence permit";
    PermitHint => "Tel qu'il figure sur le titre ou le visa.", "As written on the permit or visa.";
    ContractLabel => "Type de contrat", "Type of contract";
    ContractPlaceholder => "Sélectionnez un type de contrat", "Select a type of contract";
    HoursLabel => "Heures travaillées sur 12 mois", "Hours worked over 12 months";
    HoursHint => "Tous emplois confondus, y compris celui-ci, sur les 12 mois qui suivent la délivrance du titre. Par exemple : 500 ou 803,5.",
        "All jobs together, this one included, over the 12 months from the permit's issue date. For example: 500 or 803.5.";
    CurriculumLegend => "L'emploi fait-il partie du cursus d'études ?", "Is the job part of the course of study?";
    CurriculumHint => "Par exemple un emploi exigé par la formation ou lié au diplôme préparé.", "For example a job the course requires or one tied to the degree.";
    CurriculumByNature => "Ce type de contrat fait partie du cursus par nature.", "This type of contract is part of the course of study by nature.";
    ProfessionLabel => "Profession réglementée", "Regulated profession";
    ProfessionHint => "Certaines professions demandent une preuve de capacité ou une licence de l'employeur.", "Some professions need a proof of capacity or the employer's licence.";
    ProfessionPlaceholder => "Sélectionnez une réponse", "Select an answer";
    NoRegulatedProfession => "Aucune", "None";
    FiledByLegend => "Qui dépose la demande ?", "Who files the request?";
    RenewalLabel => "Une autorisation a déjà été délivrée pour ce même emploi (renouvellement)", "An authorisation was already issued for this same job (renewal)";
    Yes => "Oui", "Yes";
    No => "Non", "No";
    SeeResult => "Voir le résultat", "See the result";
    ResultHeading => "Résultat", "Result";
    ResultWaiting => "Répondez aux questions : le résultat s'affiche ici.", "Answer the questions: the result shows here.";
    ResultFixAnswers => "Il manque des réponses ou certaines sont à corriger :", "Some answers are missing or need correcting:";
    LegalBasis => "Fondement :", "Legal basis:";
    CapLabel => "Plafond annuel :", "Yearly cap:";
    HoursPerYear => "heures sur 12 mois", "hours over 12 months";
    ObligationsHeading => "Obligation de l'employeur", "Employer's obligation";
    DocumentsHeading => "Pièces à préparer", "Documents to prepare";
    OptionalDocumentsHeading => "Pièces utiles (facultatives)", "Useful documents (optional)";
    DocumentsFormat => "Pour chaque pièce, 1 à 3 fichiers PDF, JPEG ou PNG de 10 Mo au plus.", "For each document, 1 to 3 PDF, JPEG or PNG files of 10 MB at most.";
    RulesInForce => "Règles en vigueur au", "Rules in force on";
    NotADecision => "Cette réponse informe, elle ne vaut pas décision : seule l'administration décide.", "This answer informs; it is not a decision: only the administration decides.";

    AccessibilityTitle => "Déclaration d'accessibilité", "Accessibility statement";
    AccessibilityIntro => "Work in France s'engage à rendre son service accessible conformément à l'article 47 de la loi n° 2005-102 du 11 février 2005.",
        "Work in France is committed to making its service accessible in accordance with article 47 of French law no. 2005-102 of 11 February 2005.";
    AccessibilityStatusHeading => "État de conformité", "Compliance status";
    AccessibilityStatusText => "Work in France est partiellement conforme au référentiel général d'amélioration de l'accessibilité (RGAA 4.1) : aucun audit n'a encore été réalisé.",
        "Work in France is partially compliant with the French accessibility framework (RGAA 4.1): no audit has been carried out yet.";
    AccessibilityDoneHeading => "Ce qui est déjà fait", "What is already done";
    AccessibilityDoneText => "Liens d'évitement, focus visible, formulaires étiquetés avec leurs erreurs annoncées, pages utilisables sans JavaScript, version anglaise complète.",
        "Skip links, visible focus, labelled forms with announced errors, pages usable without JavaScript, a complete English version.";
    AccessibilityContactHeading => "Signaler un défaut", "Report a problem";
    AccessibilityContactText => "Si vous ne pouvez pas accéder à un contenu ou à une fonctionnalité, écrivez-nous à contact@workinfrance.beta.gouv.fr : nous vous répondrons et vous proposerons une alternative.",
        "If you cannot access some content or feature, write to contact@workinfrance.beta.gouv.fr: we will answer and offer an alternative.";

    NotFoundTitle => "Page introuvable", "Page not found";
    NotFoundText => "La page demandée n'existe pas ou a été déplacée.", "The page you asked for does not exist or has moved.";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_is_translated() {
        for msg in Msg::ALL {
            let (fr, en) = (msg.text(Lang::Fr), msg.text(Lang::En));
            assert!(!fr.trim().is_empty() && !en.trim().is_empty(), "{msg:?}");
        }
        // Words that are the same in both languages, checked one by one.
        let same_in_both = [Msg::MenuButton];
        let untranslated: Vec<_> = Msg::ALL
            .iter()
            .filter(|m| m.text(Lang::Fr) == m.text(Lang::En) && !same_in_both.contains(m))
            .collect();
        assert!(
            untranslated.is_empty(),
            "same text in both languages: {untranslated:?}"
        );
    }
}
