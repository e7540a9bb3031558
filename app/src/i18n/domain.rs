//! The domain's codes in words, French and English.

use super::Lang;
use crate::rules::decision::{Role, Tab, VerifyStatus};
use crate::rules::documents::DocumentKind;
use crate::rules::dossier::{Action, DossierState};
use crate::rules::eligibility::{
    Contract, FiledBy, Obligation, Outcome, Permit, Reason, RegulatedProfession,
};

/// An instructor's action, as a button or a history line says it.
pub fn action_label(action: Action, lang: Lang) -> &'static str {
    lang.pick(match action {
        Action::Submit => ("déposer", "file"),
        Action::TakeInReview => ("passer en instruction", "take in review"),
        Action::RequestChanges => ("demander des compléments", "request changes"),
        Action::Accept => ("accorder l'autorisation", "grant the authorisation"),
        Action::Refuse => ("refuser", "refuse"),
        Action::Close => ("classer sans suite", "close without action"),
    })
}

impl Tab {
    pub fn label(self, lang: Lang) -> &'static str {
        lang.pick(match self {
            Tab::ToProcess => ("À traiter", "To process"),
            Tab::InReview => ("En instruction", "In review"),
            Tab::Waiting => ("En attente du demandeur", "Waiting for the applicant"),
            Tab::Decided => ("Décidés", "Decided"),
        })
    }
}

impl Role {
    pub fn label(self, lang: Lang) -> &'static str {
        lang.pick(match self {
            Role::Instructor => ("instructeur", "instructor"),
            Role::Admin => ("administrateur", "administrator"),
        })
    }
}

impl VerifyStatus {
    pub fn label(self, lang: Lang) -> &'static str {
        lang.pick(match self {
            VerifyStatus::Valid => ("Autorisation valide", "Valid authorisation"),
            VerifyStatus::NotYetValid => (
                "Autorisation pas encore en vigueur",
                "Authorisation not yet in force",
            ),
            VerifyStatus::Expired => ("Autorisation expirée", "Expired authorisation"),
            VerifyStatus::Revoked => ("Autorisation retirée", "Revoked authorisation"),
        })
    }
}

impl DossierState {
    pub fn label(self, lang: Lang) -> &'static str {
        lang.pick(match self {
            DossierState::Draft => ("brouillon", "draft"),
            DossierState::Submitted => ("déposé", "filed"),
            DossierState::InReview => ("en instruction", "under review"),
            DossierState::ChangesRequested => ("compléments demandés", "changes requested"),
            DossierState::Accepted => ("autorisation accordée", "authorisation granted"),
            DossierState::Refused => ("refusé", "refused"),
            DossierState::Closed => ("classé sans suite", "closed without action"),
        })
    }

    /// What happens next, for the follow-up page.
    pub fn next_step(self, lang: Lang) -> &'static str {
        lang.pick(match self {
            DossierState::Draft => ("Terminez et déposez la demande.", "Finish and file the request."),
            DossierState::Submitted => (
                "Le service instructeur va vérifier que le dossier est complet, puis l'instruire.",
                "The instruction service will check that the file is complete, then review it.",
            ),
            DossierState::InReview => (
                "Le dossier est complet et en cours d'instruction : la décision vous sera envoyée par courriel.",
                "The file is complete and under review: the decision will be e-mailed to you.",
            ),
            DossierState::ChangesRequested => (
                "Envoyez les pièces ou précisions demandées ci-dessous : le dossier reviendra alors au service.",
                "Send the documents or details asked for below: the file then goes back to the service.",
            ),
            DossierState::Accepted => (
                "L'autorisation est accordée : téléchargez-la et remettez-la à l'employeur.",
                "The authorisation is granted: download it and give it to the employer.",
            ),
            DossierState::Refused => (
                "La demande est refusée pour le motif indiqué. Un recours est possible dans les deux mois.",
                "The request is refused for the reason given. An appeal is possible within two months.",
            ),
            DossierState::Closed => ("Le dossier est clos.", "The file is closed."),
        })
    }
}

impl Permit {
    pub fn label(self, lang: Lang) -> &'static str {
        lang.pick(match self {
            Permit::Student => (
                "Carte de séjour ou VLS-TS « étudiant »",
                "Residence card or VLS-TS “student”",
            ),
            Permit::StudentMobility => (
                "Carte de séjour « étudiant – programme de mobilité »",
                "Residence card “student – mobility programme”",
            ),
            Permit::TemporaryStudentVisa => (
                "Visa de long séjour temporaire « étudiant » (6 mois au plus)",
                "Temporary long-stay “student” visa (6 months at most)",
            ),
            Permit::AlgerianStudentCertificate => (
                "Certificat de résidence algérien « étudiant »",
                "Algerian “student” residence certificate",
            ),
            Permit::Other => ("Un autre titre ou aucun titre", "Another permit, or none"),
        })
    }
}

impl Contract {
    pub fn label(self, lang: Lang) -> &'static str {
        lang.pick(match self {
            Contract::Employment => (
                "Contrat de travail ordinaire (CDI, CDD, intérim)",
                "Ordinary employment contract (permanent, fixed-term, temping)",
            ),
            Contract::Apprenticeship => ("Contrat d'apprentissage", "Apprenticeship contract"),
            Contract::Professionalisation => (
                "Contrat de professionnalisation",
                "Professionalisation contract",
            ),
            Contract::Cifre => (
                "CIFRE (convention industrielle de formation par la recherche)",
                "CIFRE (industrial research training agreement)",
            ),
            Contract::Ater => (
                "ATER (attaché temporaire d'enseignement et de recherche)",
                "ATER (temporary teaching and research assistant)",
            ),
            Contract::MedicalIntern => (
                "Interne en médecine (FFI, DFMS/DFMSA)",
                "Medical intern (FFI, DFMS/DFMSA)",
            ),
            Contract::DoctoralContract => ("Contrat doctoral", "Doctoral contract"),
            Contract::Internship => (
                "Stage avec convention de stage",
                "Internship under an internship agreement",
            ),
        })
    }
}

impl RegulatedProfession {
    pub fn label(self, lang: Lang) -> &'static str {
        lang.pick(match self {
            RegulatedProfession::AccountantTrainee => {
                ("Expert-comptable stagiaire", "Trainee chartered accountant")
            }
            RegulatedProfession::SecurityAgent => ("Agent de sécurité", "Security agent"),
            RegulatedProfession::StatutoryAuditor => {
                ("Commissaire aux comptes", "Statutory auditor")
            }
            RegulatedProfession::LawyerTrainee => ("Avocat stagiaire", "Trainee lawyer"),
            RegulatedProfession::Notary => ("Notaire", "Notary"),
            RegulatedProfession::Architect => ("Architecte", "Architect"),
            RegulatedProfession::Medical => ("Profession médicale", "Medical profession"),
            RegulatedProfession::Model => ("Mannequin", "Model"),
            RegulatedProfession::LivePerformer => ("Artiste du spectacle vivant", "Live performer"),
        })
    }
}

impl FiledBy {
    pub fn label(self, lang: Lang) -> &'static str {
        lang.pick(match self {
            FiledBy::Employer => ("L'employeur", "The employer"),
            FiledBy::Student => (
                "L'étudiant, mandaté par l'employeur",
                "The student, with the employer's mandate",
            ),
        })
    }
}

impl Outcome {
    pub fn title(self, lang: Lang) -> &'static str {
        lang.pick(match self {
            Outcome::NotRequired => (
                "Aucune autorisation de travail n'est nécessaire",
                "No work authorisation is needed",
            ),
            Outcome::Required => (
                "Une autorisation de travail est nécessaire",
                "A work authorisation is needed",
            ),
            Outcome::NotEligible => (
                "Cet emploi ne peut pas être autorisé",
                "This job cannot be authorised",
            ),
        })
    }
}

impl Reason {
    /// The plain-language explanation; `{cap}` stands for the cap in force.
    fn template(self, lang: Lang) -> &'static str {
        use Reason::*;
        lang.pick(match self {
            FreeMovement => (
                "Les ressortissants de l'Union européenne, de l'Espace économique européen et de la Suisse travaillent en France librement, sans autorisation.",
                "Nationals of the European Union, the European Economic Area and Switzerland work in France freely, without an authorisation.",
            ),
            Internship => (
                "Un stage sous convention de stage n'est pas un emploi : il ne demande pas d'autorisation de travail et ses heures ne comptent pas dans le plafond annuel.",
                "An internship under an internship agreement is not employment: it needs no work authorisation and its hours do not count towards the yearly cap.",
            ),
            PermitNotStudent => (
                "Ce service est réservé aux étudiants titulaires d'un titre « étudiant ». Avec un autre titre, le droit de travailler dépend de ce titre : renseignez-vous auprès de votre préfecture ou sur le site de l'ANEF.",
                "This service is for students holding a “student” permit. With another permit, the right to work depends on that permit: ask your prefecture or see the ANEF website.",
            ),
            AlgerianFirstHour => (
                "Le certificat de résidence algérien « étudiant » ne permet pas de travailler sans autorisation : l'employeur la demande avant la première heure de travail. Elle permet de travailler jusqu'à {cap} heures par an (50 % de la durée annuelle du travail).",
                "The Algerian “student” residence certificate does not allow work without an authorisation: the employer requests it before the first hour of work. It allows up to {cap} hours a year (50% of the annual working time).",
            ),
            OverThresholdInCurriculum => (
                "Au-delà du plafond annuel, un emploi qui fait partie de votre cursus reste possible, mais l'employeur doit obtenir une autorisation de travail avant le début du contrat.",
                "Above the yearly cap, a job that is part of your course of study is still possible, but the employer must obtain a work authorisation before the contract starts.",
            ),
            AlgerianCapExceeded => (
                "Au-delà de {cap} heures par an, un étudiant algérien ne peut travailler que dans le cadre de son cursus. Cet emploi ne faisant pas partie de vos études, il ne peut pas être autorisé.",
                "Above {cap} hours a year, an Algerian student may only work as part of the course of study. As this job is not part of your studies, it cannot be authorised.",
            ),
            TemporaryVisaFirstHour => (
                "Le visa de long séjour temporaire « étudiant » ne permet pas de travailler sans autorisation : l'employeur la demande avant la première heure, dans la limite de {cap} heures.",
                "The temporary long-stay “student” visa does not allow work without an authorisation: the employer requests it before the first hour, up to {cap} hours.",
            ),
            TemporaryVisaCapExceeded => (
                "Avec un visa de long séjour temporaire « étudiant », le travail est limité à {cap} heures : au-delà, l'emploi ne peut pas être autorisé.",
                "With a temporary long-stay “student” visa, work is limited to {cap} hours: above that, the job cannot be authorised.",
            ),
            ApprenticeshipValidatedByOpco => (
                "Un contrat d'apprentissage enregistré par l'opérateur de compétences (OPCO) vaut autorisation de travail : aucune demande n'est nécessaire, et aucun plafond d'heures ne s'applique à ce contrat.",
                "An apprenticeship contract registered by the skills operator (OPCO) is itself the work authorisation: no request is needed, and no hour cap applies to this contract.",
            ),
            UnderThreshold => (
                "Avec un titre de séjour « étudiant », vous pouvez travailler jusqu'à {cap} heures par an (60 % de la durée légale du travail) sans autorisation de travail.",
                "With a “student” residence permit, you may work up to {cap} hours a year (60% of the legal working time) without a work authorisation.",
            ),
            OverThresholdOutsideCurriculum => (
                "Au-delà de {cap} heures par an, seul un emploi qui fait partie de votre cursus peut être autorisé. Cet emploi n'en faisant pas partie, il ne peut pas l'être sous le statut d'étudiant : un changement de statut est une autre démarche.",
                "Above {cap} hours a year, only a job that is part of your course of study can be authorised. As this job is not, it cannot be authorised under student status: a change of status is a different procedure.",
            ),
        })
    }

    pub fn explain(self, lang: Lang, cap: Option<f64>) -> String {
        let text = self.template(lang);
        match cap {
            Some(cap) => text.replace("{cap}", &lang.number(cap)),
            None => text.to_owned(),
        }
    }
}

impl Obligation {
    pub fn explain(self, lang: Lang) -> &'static str {
        lang.pick(match self {
            Obligation::NominativeDeclaration => (
                "L'employeur déclare nominativement l'embauche à la préfecture du département de l'établissement au moins 2 jours ouvrables avant le début du contrat, même sans autorisation de travail.",
                "The employer declares the hire by name to the prefecture of the establishment's département at least 2 working days before the contract starts, even without a work authorisation.",
            ),
        })
    }
}

impl DocumentKind {
    pub fn label(self, lang: Lang) -> &'static str {
        use DocumentKind::*;
        lang.pick(match self {
            Passport => ("Passeport (pages d'identité)", "Passport (identity pages)"),
            ResidencePermit => (
                "Titre de séjour ou VLS-TS en cours de validité (ou récépissé de renouvellement)",
                "Valid residence permit or VLS-TS (or the renewal receipt)",
            ),
            EnrolmentCertificate => ("Certificat de scolarité de l'année en cours", "Enrolment certificate for the current year"),
            EmploymentContract => ("Contrat de travail ou promesse d'embauche", "Employment contract or promise of employment"),
            Mandate => ("Mandat de l'employeur autorisant l'étudiant à déposer la demande", "The employer's mandate authorising the student to file"),
            CifreContract => ("Contrat CIFRE", "CIFRE contract"),
            AterContract => ("Contrat d'ATER délivré par l'établissement, avec la date de prise de fonction", "ATER contract from the institution, with the start date"),
            AterAppointment => ("Arrêté ou attestation de nomination, ou procès-verbal d'installation", "Appointment order or certificate, or installation report"),
            RecruitmentCertificate => ("Attestation de recrutement (durée et salaire)", "Recruitment certificate (duration and salary)"),
            HeadOfDepartmentCertificate => ("Attestation du chef de service", "Certificate from the head of department"),
            DfmsEnrolmentCertificate => ("Certificat de scolarité DFMS ou DFMSA", "DFMS or DFMSA enrolment certificate"),
            ProfessionalCapacityProof => (
                "Justificatif de capacité à exercer la profession réglementée (attestation de l'ordre, carte professionnelle…)",
                "Proof of capacity to practise the regulated profession (certificate from the professional body, professional card…)",
            ),
            ModelAgencyLicence => ("Licence d'agence de mannequins de l'employeur (art. L.7123-11)", "The employer's model agency licence (art. L.7123-11)"),
            LivePerformanceLicence => (
                "Licence d'entrepreneur de spectacles vivants (art. L.7122-3) ou déclaration préalable à la DRAC",
                "Live performance entrepreneur licence (art. L.7122-3) or prior declaration to the DRAC",
            ),
            PreviousAuthorisation => ("Autorisation de travail précédente", "Previous work authorisation"),
            Payslips => ("Derniers bulletins de salaire", "Latest payslips"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_reads_in_both_languages() {
        for lang in Lang::ALL {
            for r in Reason::ALL {
                let text = r.explain(lang, Some(964.0));
                assert!(!text.contains("{cap}") && text.len() > 40, "{r}");
            }
            for d in DocumentKind::ALL {
                assert!(!d.label(lang).is_empty());
            }
            for p in Permit::ALL {
                assert!(!p.label(lang).is_empty());
            }
            for c in Contract::ALL {
                assert!(!c.label(lang).is_empty());
            }
        }
        assert!(Reason::UnderThreshold
            .explain(Lang::Fr, Some(964.0))
            .contains("964 heures"));
        assert!(Reason::AlgerianFirstHour
            .explain(Lang::Fr, Some(803.5))
            .contains("803,5 heures"));
        assert!(Reason::AlgerianFirstHour
            .explain(Lang::En, Some(803.5))
            .contains("803.5 hours"));
    }

    #[test]
    fn french_and_english_differ() {
        for r in Reason::ALL {
            assert_ne!(r.explain(Lang::Fr, None), r.explain(Lang::En, None), "{r}");
        }
    }
}
