//! Which documents a request needs (rules.md §2), and which files are accepted for them.

use super::eligibility::{Contract, EligibilityInput, FiledBy, RegulatedProfession};

code_enum! {
    pub enum DocumentKind {
        Passport => "passport",
        ResidencePermit => "residence_permit",
        EnrolmentCertificate => "enrolment_certificate",
        EmploymentContract => "employment_contract",
        Mandate => "mandate",
        CifreContract => "cifre_contract",
        AterContract => "ater_contract",
        AterAppointment => "ater_appointment",
        RecruitmentCertificate => "recruitment_certificate",
        HeadOfDepartmentCertificate => "head_of_department_certificate",
        DfmsEnrolmentCertificate => "dfms_enrolment_certificate",
        ProfessionalCapacityProof => "professional_capacity_proof",
        ModelAgencyLicence => "model_agency_licence",
        LivePerformanceLicence => "live_performance_licence",
        PreviousAuthorisation => "previous_authorisation",
        Payslips => "payslips",
    }
}

/// The documents of one case, mandatory first, in the order the applicant gathers them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocumentList {
    pub required: Vec<DocumentKind>,
    pub optional: Vec<DocumentKind>,
}

/// The documents for a request that needs an authorisation.
pub fn for_case(input: &EligibilityInput) -> DocumentList {
    use DocumentKind::*;
    let mut required = vec![
        Passport,
        ResidencePermit,
        EnrolmentCertificate,
        EmploymentContract,
    ];
    if input.filed_by == FiledBy::Student {
        required.push(Mandate);
    }
    match input.contract {
        Contract::Cifre => required.push(CifreContract),
        Contract::Ater => required.extend([AterContract, AterAppointment]),
        Contract::MedicalIntern => required.extend([
            RecruitmentCertificate,
            HeadOfDepartmentCertificate,
            DfmsEnrolmentCertificate,
        ]),
        _ => {}
    }
    match input.regulated_profession {
        None => {}
        Some(RegulatedProfession::Model) => required.push(ModelAgencyLicence),
        Some(RegulatedProfession::LivePerformer) => required.push(LivePerformanceLicence),
        Some(_) => required.push(ProfessionalCapacityProof),
    }
    let optional = if input.renewal {
        vec![PreviousAuthorisation, Payslips]
    } else {
        Vec::new()
    };
    DocumentList { required, optional }
}

/// Each document takes 1 to 3 files (seed 003).
pub const MAX_FILES_PER_DOCUMENT: usize = 3;
/// 10 MB per file (seed 003).
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;
/// All the documents of one request together (the message of `UploadError::Quota` says 60 Mo).
pub const MAX_BYTES_PER_REQUEST: u64 = 60 * 1024 * 1024;

code_enum! {
    /// The file types accepted for a document, recognised from their first bytes.
    pub enum FileType {
        Pdf => "application/pdf",
        Jpeg => "image/jpeg",
        Png => "image/png",
    }
}

impl FileType {
    /// Recognises the type from the file's bytes, never from its name: a renamed executable is
    /// refused. Needs the first 8 bytes.
    pub fn sniff(head: &[u8]) -> Option<Self> {
        if head.starts_with(b"%PDF-") {
            Some(FileType::Pdf)
        } else if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(FileType::Jpeg)
        } else if head.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
            Some(FileType::Png)
        } else {
            None
        }
    }

    pub const fn extension(self) -> &'static str {
        match self {
            FileType::Pdf => "pdf",
            FileType::Jpeg => "jpg",
            FileType::Png => "png",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::eligibility::Permit;
    use crate::rules::CountryCode;
    use DocumentKind::*;

    fn input(
        contract: Contract,
        regulated: Option<RegulatedProfession>,
        filed_by: FiledBy,
        renewal: bool,
    ) -> EligibilityInput {
        EligibilityInput {
            nationality: CountryCode::parse("SN").unwrap(),
            permit: Permit::Student,
            contract,
            annual_hours: 1200.0,
            within_curriculum: true,
            regulated_profession: regulated,
            filed_by,
            renewal,
        }
    }

    #[test]
    fn documents_by_case() {
        const BASE: [DocumentKind; 4] = [
            Passport,
            ResidencePermit,
            EnrolmentCertificate,
            EmploymentContract,
        ];
        let cases: Vec<(EligibilityInput, Vec<DocumentKind>, Vec<DocumentKind>)> = vec![
            (
                input(Contract::Employment, None, FiledBy::Employer, false),
                BASE.to_vec(),
                vec![],
            ),
            (
                input(Contract::Employment, None, FiledBy::Student, false),
                [&BASE[..], &[Mandate]].concat(),
                vec![],
            ),
            (
                input(Contract::Cifre, None, FiledBy::Employer, false),
                [&BASE[..], &[CifreContract]].concat(),
                vec![],
            ),
            (
                input(Contract::Ater, None, FiledBy::Employer, false),
                [&BASE[..], &[AterContract, AterAppointment]].concat(),
                vec![],
            ),
            (
                input(Contract::MedicalIntern, None, FiledBy::Employer, false),
                [
                    &BASE[..],
                    &[
                        RecruitmentCertificate,
                        HeadOfDepartmentCertificate,
                        DfmsEnrolmentCertificate,
                    ],
                ]
                .concat(),
                vec![],
            ),
            (
                input(
                    Contract::Employment,
                    Some(RegulatedProfession::Notary),
                    FiledBy::Employer,
                    false,
                ),
                [&BASE[..], &[ProfessionalCapacityProof]].concat(),
                vec![],
            ),
            (
                input(
                    Contract::Employment,
                    Some(RegulatedProfession::Medical),
                    FiledBy::Employer,
                    false,
                ),
                [&BASE[..], &[ProfessionalCapacityProof]].concat(),
                vec![],
            ),
            (
                input(
                    Contract::Employment,
                    Some(RegulatedProfession::Model),
                    FiledBy::Employer,
                    false,
                ),
                [&BASE[..], &[ModelAgencyLicence]].concat(),
                vec![],
            ),
            (
                input(
                    Contract::Employment,
                    Some(RegulatedProfession::LivePerformer),
                    FiledBy::Student,
                    true,
                ),
                [&BASE[..], &[Mandate, LivePerformanceLicence]].concat(),
                vec![PreviousAuthorisation, Payslips],
            ),
            (
                input(Contract::DoctoralContract, None, FiledBy::Employer, true),
                BASE.to_vec(),
                vec![PreviousAuthorisation, Payslips],
            ),
        ];
        for (case, required, optional) in cases {
            let docs = for_case(&case);
            assert_eq!(docs.required, required, "{case:?}");
            assert_eq!(docs.optional, optional, "{case:?}");
        }
    }

    #[test]
    fn file_types_come_from_the_bytes() {
        let cases: [(&[u8], Option<FileType>); 7] = [
            (b"%PDF-1.7\n%", Some(FileType::Pdf)),
            (&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], Some(FileType::Jpeg)),
            (
                &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0],
                Some(FileType::Png),
            ),
            (b"MZ\x90\x00\x03\x00", None), // a Windows executable renamed .pdf
            (b"\x7fELF\x02\x01\x01", None), // a Linux executable
            (b"%PD", None),                // truncated
            (b"", None),
        ];
        for (bytes, expected) in cases {
            assert_eq!(FileType::sniff(bytes), expected, "{bytes:?}");
        }
    }
}
