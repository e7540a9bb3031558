//! The domain's codes in words, French and English.

use super::{Lang, Msg};
use crate::rules::decision::{Role, Tab, VerifyStatus};
use crate::rules::documents::DocumentKind;
use crate::rules::dossier::{Action, DossierState};
use crate::rules::eligibility::{
    Contract, FiledBy, Obligation, Outcome, Permit, Reason, RegulatedProfession,
};

/// An instructor's action, as a button or a history line says it.
pub fn action_label(action: Action, lang: Lang) -> &'static str {
    lang.t(match action {
        Action::Submit => Msg::DomainFile,
        Action::TakeInReview => Msg::DomainTakeReview,
        Action::RequestChanges => Msg::DomainRequestChanges,
        Action::Accept => Msg::DomainGrantAuthorisation,
        Action::Refuse => Msg::DomainRefuse,
        Action::Close => Msg::DomainCloseWithoutAction,
    })
}

impl Tab {
    pub fn label(self, lang: Lang) -> &'static str {
        lang.t(match self {
            Tab::ToProcess => Msg::DomainProcess,
            Tab::InReview => Msg::DomainReview,
            Tab::Waiting => Msg::DomainWaitingApplicant,
            Tab::Decided => Msg::DomainDecided,
        })
    }
}

impl Role {
    pub fn label(self, lang: Lang) -> &'static str {
        lang.t(match self {
            Role::Instructor => Msg::DomainInstructor,
            Role::Admin => Msg::DomainAdministrator,
        })
    }
}

impl VerifyStatus {
    pub fn label(self, lang: Lang) -> &'static str {
        lang.t(match self {
            VerifyStatus::Valid => Msg::DomainValidAuthorisation,
            VerifyStatus::NotYetValid => Msg::DomainAuthorisationNotYetForce,
            VerifyStatus::Expired => Msg::DomainExpiredAuthorisation,
            VerifyStatus::Revoked => Msg::DomainRevokedAuthorisation,
        })
    }
}

impl DossierState {
    pub fn label(self, lang: Lang) -> &'static str {
        lang.t(match self {
            DossierState::Draft => Msg::DomainDraft,
            DossierState::Submitted => Msg::DomainFiled,
            DossierState::InReview => Msg::DomainUnderReview,
            DossierState::ChangesRequested => Msg::DomainChangesRequested,
            DossierState::Accepted => Msg::DomainAuthorisationGranted,
            DossierState::Refused => Msg::DomainRefused,
            DossierState::Closed => Msg::DomainClosedWithoutAction,
        })
    }

    /// What happens next, for the follow-up page.
    pub fn next_step(self, lang: Lang) -> &'static str {
        lang.t(match self {
            DossierState::Draft => Msg::DomainFinishFileRequest,
            DossierState::Submitted => Msg::DomainInstructionServiceWillCheck,
            DossierState::InReview => Msg::DomainFileCompleteUnderReview,
            DossierState::ChangesRequested => Msg::DomainSendDocumentsDetailsAsked,
            DossierState::Accepted => Msg::DomainAuthorisationGrantedDownloadGive,
            DossierState::Refused => Msg::DomainRequestRefusedReasonGiven,
            DossierState::Closed => Msg::DomainFileClosed,
        })
    }
}

impl Permit {
    pub fn label(self, lang: Lang) -> &'static str {
        lang.t(match self {
            Permit::Student => Msg::DomainResidenceCardVlsTs,
            Permit::StudentMobility => Msg::DomainResidenceCardStudentMobility,
            Permit::TemporaryStudentVisa => Msg::DomainTemporaryLongStayStudent,
            Permit::AlgerianStudentCertificate => Msg::DomainAlgerianStudentResidenceCertificate,
            Permit::Other => Msg::DomainAnotherPermitNone,
        })
    }
}

impl Contract {
    pub fn label(self, lang: Lang) -> &'static str {
        lang.t(match self {
            Contract::Employment => Msg::DomainOrdinaryEmploymentContractPermanent,
            Contract::Apprenticeship => Msg::DomainApprenticeshipContract,
            Contract::Professionalisation => Msg::DomainProfessionalisationContract,
            Contract::Cifre => Msg::DomainCifreIndustrialResearchTraining,
            Contract::Ater => Msg::DomainAterTemporaryTeachingResearch,
            Contract::MedicalIntern => Msg::DomainMedicalInternFfiDfms,
            Contract::DoctoralContract => Msg::DomainDoctoralContract,
            Contract::Internship => Msg::DomainInternshipUnderInternshipAgreement,
        })
    }
}

impl RegulatedProfession {
    pub fn label(self, lang: Lang) -> &'static str {
        lang.t(match self {
            RegulatedProfession::AccountantTrainee => Msg::DomainTraineeCharteredAccountant,
            RegulatedProfession::SecurityAgent => Msg::DomainSecurityAgent,
            RegulatedProfession::StatutoryAuditor => Msg::DomainStatutoryAuditor,
            RegulatedProfession::LawyerTrainee => Msg::DomainTraineeLawyer,
            RegulatedProfession::Notary => Msg::DomainNotary,
            RegulatedProfession::Architect => Msg::DomainArchitect,
            RegulatedProfession::Medical => Msg::DomainMedicalProfession,
            RegulatedProfession::Model => Msg::DomainModel,
            RegulatedProfession::LivePerformer => Msg::DomainLivePerformer,
        })
    }
}

impl FiledBy {
    pub fn label(self, lang: Lang) -> &'static str {
        lang.t(match self {
            FiledBy::Employer => Msg::DomainEmployer,
            FiledBy::Student => Msg::DomainStudentEmployerSMandate,
        })
    }
}

impl Outcome {
    pub fn title(self, lang: Lang) -> &'static str {
        lang.t(match self {
            Outcome::NotRequired => Msg::DomainNoWorkAuthorisationNeeded,
            Outcome::Required => Msg::DomainWorkAuthorisationNeeded,
            Outcome::NotEligible => Msg::DomainJobCannotAuthorised,
        })
    }
}

impl Reason {
    /// The plain-language explanation; `{ $cap }` stands for the cap in force.
    fn template(self) -> Msg {
        use Reason::*;
        match self {
            FreeMovement => Msg::DomainNationalsEuropeanUnionEuropean,
            Internship => Msg::DomainInternshipUnderInternshipAgreement2,
            PermitNotStudent => Msg::DomainServiceStudentsHoldingStudent,
            AlgerianFirstHour => Msg::DomainAlgerianStudentResidenceCertificate2,
            OverThresholdInCurriculum => Msg::DomainAboveYearlyCapJob,
            AlgerianCapExceeded => Msg::DomainAboveCapHoursYear,
            TemporaryVisaFirstHour => Msg::DomainTemporaryLongStayStudent2,
            TemporaryVisaCapExceeded => Msg::DomainTemporaryLongStayStudent3,
            ApprenticeshipValidatedByOpco => Msg::DomainApprenticeshipContractRegisteredSkills,
            UnderThreshold => Msg::DomainStudentResidencePermitMay,
            OverThresholdOutsideCurriculum => Msg::DomainAboveCapHoursYear2,
        }
    }

    pub fn explain(self, lang: Lang, cap: Option<f64>) -> String {
        let template = self.template();
        match cap {
            Some(cap) => template.with(lang, &[("cap", &lang.number(cap))]),
            None => template.text(lang).to_owned(),
        }
    }
}

impl Obligation {
    pub fn explain(self, lang: Lang) -> &'static str {
        lang.t(match self {
            Obligation::NominativeDeclaration => Msg::DomainEmployerDeclaresHireName,
        })
    }
}

impl DocumentKind {
    pub fn label(self, lang: Lang) -> &'static str {
        use DocumentKind::*;
        lang.t(match self {
            Passport => Msg::DomainPassportIdentityPages,
            ResidencePermit => Msg::DomainValidResidencePermitVls,
            EnrolmentCertificate => Msg::DomainEnrolmentCertificateCurrentYear,
            EmploymentContract => Msg::DomainEmploymentContractPromiseEmployment,
            Mandate => Msg::DomainEmployerSMandateAuthorising,
            CifreContract => Msg::DomainCifreContract,
            AterContract => Msg::DomainAterContractFromInstitution,
            AterAppointment => Msg::DomainAppointmentOrderCertificateInstallation,
            RecruitmentCertificate => Msg::DomainRecruitmentCertificateDurationSalary,
            HeadOfDepartmentCertificate => Msg::DomainCertificateFromHeadDepartment,
            DfmsEnrolmentCertificate => Msg::DomainDfmsDfmsaEnrolmentCertificate,
            ProfessionalCapacityProof => Msg::DomainProofCapacityPractiseRegulated,
            ModelAgencyLicence => Msg::DomainEmployerSModelAgency,
            LivePerformanceLicence => Msg::DomainLivePerformanceEntrepreneurLicence,
            PreviousAuthorisation => Msg::DomainPreviousWorkAuthorisation,
            Payslips => Msg::DomainLatestPayslips,
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
