## Interface sentences (was app/src/i18n/ui.rs). A key is the Rust name in kebab case:
## `home-step1-title` is `Msg::HomeStep1Title`. Every file has every key, with the same
## `{ $variables }` (checked as the crate is built, and by `cargo test`).

meta-description = Find out whether a foreign student needs a work authorisation, request it online and follow the file.
tagline = Work authorisation for foreign students
home-link-title = Home – Work in France
skip-links-label = Quick access
skip-to-content = Content
skip-to-footer = Footer
main-menu = Main menu
menu-button = Menu
nav-home = Home
nav-eligibility = Do I need an authorisation?
nav-request = Make a request
nav-follow = Resume or follow
footer-description = Work in France helps foreign students and their employers find out whether a work authorisation is needed, request it and follow the file. The rules applied are those of the law in force.
accessibility-status = Accessibility: partially compliant
footer-api = Public API (OpenAPI)
footer-verify = Check an authorisation
footer-stats = Statistics
footer-instructors = Instructor area
footer-licence = Unless stated otherwise, this site's content is under the etalab-2.0 licence.

home-title = Home
home-heading = Working while studying in France
home-lead = Foreign student or employer: check in one minute whether a work authorisation is needed, which documents to prepare and how many hours are allowed.
home-cta = Check whether an authorisation is needed
home-step1-title = 1. Check
home-step1-text = A few questions on nationality, residence permit and contract are enough: the answer shows at once, with the rule behind it.
home-step2-title = 2. File
home-step2-text = The six-step online request, about ten minutes, replaces the paper form: documents attached, receipt at once.
home-step3-title = 3. Follow
home-step3-text = Each step of the file is e-mailed to the student and the employer, who follow it online with their access code.
home-request-cta = Make a request
home-law-title = The law in force
home-law-text = Since 1 April 2021, the “provisional work authorisation” (APT) is an ordinary work authorisation, requested by the employer from the prefect of the hiring establishment's département. This service applies these rules and their current figures.

eligibility-title = Do I need a work authorisation?
eligibility-lead = Answer the questions: the answer updates with each reply. No data is stored.
nationality-label = Student's nationality
nationality-placeholder = Select a nationality
permit-legend = Student's residence permit
permit-hint = As written on the permit or visa.
contract-label = Type of contract
contract-placeholder = Select a type of contract
hours-label = Hours worked over 12 months
hours-hint = All jobs together, this one included, over the 12 months from the permit's issue date. For example: 500 or 803.5.
curriculum-legend = Is the job part of the course of study?
curriculum-hint = For example a job the course requires or one tied to the degree.
curriculum-by-nature = This type of contract is part of the course of study by nature.
profession-label = Regulated profession
profession-hint = Some professions need a proof of capacity or the employer's licence.
profession-placeholder = Select an answer
no-regulated-profession = None
filed-by-legend = Who files the request?
renewal-label = An authorisation was already issued for this same job (renewal)
yes = Yes
no = No
see-result = See the result
result-heading = Result
result-waiting = Answer the questions: the result shows here.
result-fix-answers = Some answers are missing or need correcting:
legal-basis = Legal basis:
cap-label = Yearly cap:
hours-per-year = hours over 12 months
obligations-heading = Employer's obligation
documents-heading = Documents to prepare
optional-documents-heading = Useful documents (optional)
documents-format = For each document, 1 to 3 PDF, JPEG or PNG files of 10 MB at most.
rules-in-force = Rules in force on
not-a-decision = This answer informs; it is not a decision: only the administration decides.

accessibility-title = Accessibility statement
accessibility-intro = Work in France is committed to making its service accessible in accordance with article 47 of French law no. 2005-102 of 11 February 2005.
accessibility-status-heading = Compliance status
accessibility-status-text = Work in France is partially compliant with the French accessibility framework (RGAA 4.1): no audit has been carried out yet.
accessibility-done-heading = What is already done
accessibility-done-text = Skip links, visible focus, labelled forms with announced errors, pages usable without JavaScript, a complete English version.
accessibility-contact-heading = Report a problem
accessibility-contact-text = If you cannot access some content or feature, write to contact@workinfrance.beta.gouv.fr: we will answer and offer an alternative.

not-found-title = Page not found
not-found-text = The page you asked for does not exist or has moved.

## app/src/i18n/domain.rs
domain-file = file
domain-take-review = take in review
domain-request-changes = request changes
domain-grant-authorisation = grant the authorisation
domain-refuse = refuse
domain-close-without-action = close without action
domain-process = To process
domain-review = In review
domain-waiting-applicant = Waiting for the applicant
domain-decided = Decided
domain-instructor = instructor
domain-administrator = administrator
domain-valid-authorisation = Valid authorisation
domain-authorisation-not-yet-force = Authorisation not yet in force
domain-expired-authorisation = Expired authorisation
domain-revoked-authorisation = Revoked authorisation
domain-draft = draft
domain-filed = filed
domain-under-review = under review
domain-changes-requested = changes requested
domain-authorisation-granted = authorisation granted
domain-refused = refused
domain-closed-without-action = closed without action
domain-finish-file-request = Finish and file the request.
domain-instruction-service-will-check = The instruction service will check that the file is complete, then review it.
domain-file-complete-under-review = The file is complete and under review: the decision will be e-mailed to you.
domain-send-documents-details-asked = Send the documents or details asked for below: the file then goes back to the service.
domain-authorisation-granted-download-give = The authorisation is granted: download it and give it to the employer.
domain-request-refused-reason-given = The request is refused for the reason given. An appeal is possible within two months.
domain-file-closed = The file is closed.
domain-residence-card-vls-ts = Residence card or VLS-TS “student”
domain-residence-card-student-mobility = Residence card “student – mobility programme”
domain-temporary-long-stay-student = Temporary long-stay “student” visa (6 months at most)
domain-algerian-student-residence-certificate = Algerian “student” residence certificate
domain-another-permit-none = Another permit, or none
domain-ordinary-employment-contract-permanent = Ordinary employment contract (permanent, fixed-term, temping)
domain-apprenticeship-contract = Apprenticeship contract
domain-professionalisation-contract = Professionalisation contract
domain-cifre-industrial-research-training = CIFRE (industrial research training agreement)
domain-ater-temporary-teaching-research = ATER (temporary teaching and research assistant)
domain-medical-intern-ffi-dfms = Medical intern (FFI, DFMS/DFMSA)
domain-doctoral-contract = Doctoral contract
domain-internship-under-internship-agreement = Internship under an internship agreement
domain-trainee-chartered-accountant = Trainee chartered accountant
domain-security-agent = Security agent
domain-statutory-auditor = Statutory auditor
domain-trainee-lawyer = Trainee lawyer
domain-notary = Notary
domain-architect = Architect
domain-medical-profession = Medical profession
domain-model = Model
domain-live-performer = Live performer
domain-employer = The employer
domain-student-employer-s-mandate = The student, with the employer's mandate
domain-no-work-authorisation-needed = No work authorisation is needed
domain-work-authorisation-needed = A work authorisation is needed
domain-job-cannot-authorised = This job cannot be authorised
domain-nationals-european-union-european = Nationals of the European Union, the European Economic Area and Switzerland work in France freely, without an authorisation.
domain-internship-under-internship-agreement-2 = An internship under an internship agreement is not employment: it needs no work authorisation and its hours do not count towards the yearly cap.
domain-service-students-holding-student = This service is for students holding a “student” permit. With another permit, the right to work depends on that permit: ask your prefecture or see the ANEF website.
domain-algerian-student-residence-certificate-2 = The Algerian “student” residence certificate does not allow work without an authorisation: the employer requests it before the first hour of work. It allows up to { $cap } hours a year (50% of the annual working time).
domain-above-yearly-cap-job = Above the yearly cap, a job that is part of your course of study is still possible, but the employer must obtain a work authorisation before the contract starts.
domain-above-cap-hours-year = Above { $cap } hours a year, an Algerian student may only work as part of the course of study. As this job is not part of your studies, it cannot be authorised.
domain-temporary-long-stay-student-2 = The temporary long-stay “student” visa does not allow work without an authorisation: the employer requests it before the first hour, up to { $cap } hours.
domain-temporary-long-stay-student-3 = With a temporary long-stay “student” visa, work is limited to { $cap } hours: above that, the job cannot be authorised.
domain-apprenticeship-contract-registered-skills = An apprenticeship contract registered by the skills operator (OPCO) is itself the work authorisation: no request is needed, and no hour cap applies to this contract.
domain-student-residence-permit-may = With a “student” residence permit, you may work up to { $cap } hours a year (60% of the legal working time) without a work authorisation.
domain-above-cap-hours-year-2 = Above { $cap } hours a year, only a job that is part of your course of study can be authorised. As this job is not, it cannot be authorised under student status: a change of status is a different procedure.
domain-employer-declares-hire-name = The employer declares the hire by name to the prefecture of the establishment's département at least 2 working days before the contract starts, even without a work authorisation.
domain-passport-identity-pages = Passport (identity pages)
domain-valid-residence-permit-vls = Valid residence permit or VLS-TS (or the renewal receipt)
domain-enrolment-certificate-current-year = Enrolment certificate for the current year
domain-employment-contract-promise-employment = Employment contract or promise of employment
domain-employer-s-mandate-authorising = The employer's mandate authorising the student to file
domain-cifre-contract = CIFRE contract
domain-ater-contract-from-institution = ATER contract from the institution, with the start date
domain-appointment-order-certificate-installation = Appointment order or certificate, or installation report
domain-recruitment-certificate-duration-salary = Recruitment certificate (duration and salary)
domain-certificate-from-head-department = Certificate from the head of department
domain-dfms-dfmsa-enrolment-certificate = DFMS or DFMSA enrolment certificate
domain-proof-capacity-practise-regulated = Proof of capacity to practise the regulated profession (certificate from the professional body, professional card…)
domain-employer-s-model-agency = The employer's model agency licence (art. L.7123-11)
domain-live-performance-entrepreneur-licence = Live performance entrepreneur licence (art. L.7122-3) or prior declaration to the DRAC
domain-previous-work-authorisation = Previous work authorisation
domain-latest-payslips = Latest payslips

## app/src/rules/error.rs
error-field-required = This field is required.
error-choose-one-values-offered = Choose one of the values offered.
error-value-does-not-have = This value does not have a valid format.
error-unknown-nationality-give-two = Unknown nationality: give a two-letter ISO country code (for example SN).
error-enter-number-example-500 = Enter a number (for example 500 or 803.5).
error-number-hours-cannot-negative = The number of hours cannot be negative.
error-year-has-most-8 = A year has at most 8,784 hours: check this number.
error-answer-yes-no = Answer yes or no.
error-algerian-student-residence-certificate = The Algerian “student” residence certificate is issued to Algerian nationals only: check the nationality or the permit.
error-enter-between-1-100 = Enter between 1 and 100 characters.
error-enter-valid-date-dd = Enter a valid date (dd/mm/yyyy).
error-date-birth-must-past = The date of birth must be in the past.
error-person-must-between-16 = The person must be between 16 and 80 years old when the contract starts.
error-invalid-e-mail-address = Invalid e-mail address (expected format: name@domain.com).
error-invalid-number-10-digits = Invalid number: 10 digits (06 12 34 56 78) or international format (+33 6 12 34 56 78).
error-siret-has-14-digits = A SIRET has 14 digits.
error-siret-does-not-exist = This SIRET does not exist (wrong check digit): check it on the Insee registration notice.
error-postcode-has-5-digits = A postcode has 5 digits.
error-postcode-matches-no-departement = This postcode matches no département.
error-territory-does-not-apply = This territory does not apply the French Labour Code: contact its local administration.
error-contract-must-end-after = The contract must end after it starts.
error-permit-s-expiry-date = The permit's expiry date must follow its issue date.
error-residence-permit-must-valid = The residence permit must be valid on the contract's start date.
error-validity-must-end-after = The validity must end after it starts.
error-authorisation-must-lie-within = The authorisation must lie within the contract's dates.
error-authorisation-cannot-outlast-residence = The authorisation cannot outlast the residence permit.
error-enter-positive-gross-hourly = Enter a positive gross hourly wage, in euros.
error-gross-hourly-wage-must = The gross hourly wage must be at least the minimum wage (SMIC) in force when the contract starts.
error-enter-positive-number-weekly = Enter a positive number of weekly hours.
error-working-time-cannot-exceed = Working time cannot exceed 48 hours a week.
error-enter-between-1-200 = Enter between 1 and 200 characters.
error-permit-number-has-6 = The permit number has 6 to 20 letters and digits (it is on the front of the card).
error-issue-date-cannot-future = The issue date cannot be in the future.
error-residence-permit-has-expired = This residence permit has expired: attach the renewal receipt and give its dates.
error-contract-cannot-start-before = The contract cannot start before today: the authorisation comes before the hire.
error-give-end-date-only = Give the end date: only an ordinary employment contract (open-ended) may have none.
error-access-code-has-6 = The access code has 6 digits.
error-say-whether-student-employer = Say whether you are the student or the employer.
error-write-message-1-2 = Write a message of 1 to 2,000 characters.
error-verification-code-has-12 = The verification code has 12 letters and digits, for example 7KQ2-M9XD-4TPA.
error-password-has-12-128 = The password has 12 to 128 characters.
error-service-code-has-2 = The service code has 2 to 32 lower-case letters, digits or dashes.

## app/src/model.rs
model-file-too-large-10 = File too large: 10 MB at most.
model-file-not-pdf-jpeg = This file is not a PDF, JPEG or PNG (its content was checked, not just its name).
model-3-files-most-per = 3 files at most per document: remove one first.
model-file-empty = The file is empty.
model-document-not-expected-file = This document is not expected for this file.
model-upload-failed-try-again = The upload failed: try again.
model-file-s-documents-reach = This file's documents reach 60 MB: remove a file, or make it smaller (a 150 dpi scan is enough), before adding another.
model-upload-took-too-long = The upload took too long and was stopped: try again, on a better connection if you can.
model-service-receiving-many-files = The service is receiving many files right now: try again in a minute.
model-several-files-already-being = Several files are already being sent from your connection: wait for them to arrive, then send this one.
model-files-sent-from-connection = The files sent from your connection to requests not yet filed reach the limit: file a finished request, or remove files, before sending more.
model-service-cannot-receive-files = The service cannot receive files right now. The files you already sent are kept: try again later.
model-session-has-expired-enter = Your session has expired: enter your address and access code again.
model-wrong-address-access-code = Wrong address or access code. After 5 attempts, access is locked for 15 minutes.
model-too-many-attempts-code = Too many attempts: this code is no longer valid. Ask for a new code below.
model-sign-link-no-longer = This sign-in link is no longer valid (already used or expired). Enter your address and the code you received, or ask for a new code.
model-file-filed-can-no = This file is filed: it can no longer be changed. Follow it from the follow-up page.
model-no-authorisation-needed-case = No authorisation is needed in this case: the request stops here.
model-authorisation-cannot-granted-case = An authorisation cannot be granted in this case: the request stops here.
model-not-found = Not found.
model-file-changed-meantime-page = The file changed in the meantime: the page was reloaded, check and try again.
model-wrong-address-password-after = Wrong address or password. After 5 attempts, the account is locked for 15 minutes.
model-account-does-not-allow = Your account does not allow this action.
model-no-authorisation-matches-code = No authorisation matches this code and birth date.
model-request-sent-was-incomplete = The request sent was incomplete: reload the page and try again.
model-service-has-problem-nothing = The service has a problem: nothing was lost, try again in a moment.

## app/src/instruction.rs
instruction-queued = Queued
instruction-sent = Sent
instruction-failing-will-retry = Failing, will retry
instruction-given-up = Given up

## app/src/components/summary.rs
summary-employee = Employee
summary-employer = Employer
summary-job-contract = Job and contract
summary-documents = Documents
summary-summary = Summary
summary-confirmation = Confirmation
summary-change = Change

## app/src/components/feedback.rs
feedback-session-has-expired-sign = Your session has expired: sign in again.
feedback-sign = Sign in
feedback-enter-my-access-code = Enter my access code

## app/src/components/fields.rs
fields-unknown = Answer
fields-format-dd-mm-yyyy = Format: dd/mm/yyyy.
fields-family-name = Family name
fields-given-names = Given names
fields-date-birth = Date of birth
fields-nationality = Nationality
fields-residence-permit = Residence permit
fields-written-permit-visa = As written on the permit or visa.
fields-permit-number = Permit number
fields-6-20-letters-digits = 6 to 20 letters and digits, on the front of the permit.
fields-permit-issue-date = Permit issue date
fields-permit-expiry-date = Permit expiry date
fields-school-university = School or university
fields-degree-studied = Degree studied for
fields-year-study = Year of study
fields-example-l3-m1-2nd = For example: L3, M1, 2nd year of PhD.
fields-address-france = Address in France
fields-postcode = Postcode
fields-town = Town
fields-student-s-e-mail = Student's e-mail address
fields-will-receive-each-step = It will receive each step of the file.
fields-student-s-phone = Student's phone
fields-06-12-34-56 = 06 12 34 56 78 or +33 6 12 34 56 78.
fields-siret-employing-establishment = SIRET of the employing establishment
fields-14-digits-insee-notice = 14 digits, on the Insee notice or a payslip.
fields-company-name = Company name
fields-establishment-s-address = Establishment's address
fields-establishment-s-postcode = Establishment's postcode
fields-departement-decides-competent-service = Its département decides the competent service (Labour Code, art. R.5221-15).
fields-establishment-s-town = Establishment's town
fields-contact-person = Contact person
fields-employer-s-e-mail = Employer's e-mail address
fields-employer-s-phone = Employer's phone
fields-type-contract = Type of contract
fields-contract-start = Contract start
fields-contract-end = Contract end
fields-empty-open-ended-contract = Empty for an open-ended contract. Format: dd/mm/yyyy.
fields-weekly-hours = Weekly hours
fields-48-hours-most = 48 hours at most.
fields-gross-hourly-wage = Gross hourly wage (€)
fields-least-minimum-wage-force = At least the minimum wage in force when the contract starts.
fields-job-title = Job title
fields-job-part-course-study = Is the job part of the course of study?
fields-example-job-course-requires = For example a job the course requires or one tied to the degree.
fields-regulated-profession = Regulated profession
fields-hours-worked-over-12 = Hours worked over 12 months
fields-all-jobs-together-one = All jobs together, this one included, over the 12 months from the permit's issue date.
fields-renewal = Renewal
fields-authorisation-was-already-issued = An authorisation was already issued for this same job.

## app/src/pages/verify.rs
verify-check-work-authorisation = Check a work authorisation
verify-enter-verification-code-printed = Enter the verification code printed on the authorisation (or read from its QR code) and the student's birth date. Only the authorisation's status and a few details are shown.
verify-verification-code = Verification code
verify-12-letters-digits-example = 12 letters and digits, for example 7KQ2-M9XD-4TPA
verify-student-s-birth-date = Student's birth date
verify-check = Check
verify-authorisation-no = Authorisation no.{" "}
verify-student = Student:{" "}
verify-employer = Employer:{" "}
verify-valid-from = Valid from{" "}
verify-to = {" "}to{" "}

## app/src/pages/stats.rs
stats-statistics = Statistics
stats-public-statistics = Public statistics
stats-work-authorisation-requests-filed = Work authorisation requests filed on this service, and time to a decision. Updated continuously.
stats-loading = Loading…
stats-d = d
stats-chart-requests-filed-granted = Chart: requests filed, granted and refused per month. The same figures are in the table below.
stats-filed = filed
stats-granted = granted
stats-refused = refused
stats-month = Month
stats-departement = Département
stats-filed-2 = Filed
stats-granted-2 = Granted
stats-refused-2 = Refused
stats-median-time-decision = Median time to decision
stats-requests-filed = requests filed
stats-authorisations-granted = authorisations granted
stats-refusals = refusals
stats-median-time-decision-2 = median time to decision
stats-month-2 = By month
stats-no-request-filed-yet = No request filed yet.
stats-month-month-filed = By month (month filed)
stats-departement-2 = By département
stats-establishment-s-departement = By the establishment's département

## app/src/pages/accessibility.rs
accessibility-does-each-informative-image = Does each informative image have a text alternative?
accessibility-contrast-between-text-background = Is the contrast between text and background colours high enough?
accessibility-each-data-table-cell = Is each data table cell associated with its headers?
accessibility-does-each-link-have = Does each link have a name?
accessibility-each-script-compatible-assistive = Is each script compatible with assistive technologies?
accessibility-can-each-script-operated = Can each script be operated by keyboard?
accessibility-each-page-s-default = Is each page's default language given?
accessibility-each-page-s-language = Is each page's language code valid?
accessibility-does-each-page-have = Does each page have a title?
accessibility-each-change-language-marked = Is each change of language marked in the source?
accessibility-does-each-form-field = Does each form field have a label?
accessibility-input-checking-used-appropriately = Is input checking used appropriately? (an error summary that takes the focus, each error linked to its field)
accessibility-can-input-s-purpose = Can an input's purpose be determined (autocomplete attribute)?
accessibility-there-skip-link-main = Is there a skip link to the main content?
accessibility-tab-order-consistent = Is the tab order consistent?
accessibility-automated-axe-core = Automated (axe-core)
accessibility-keyboard-journey = Keyboard journey
accessibility-automated-axe-core-keyboard = Automated (axe-core) and keyboard journey
accessibility-rgaa-4-1-criteria = RGAA 4.1 criteria checked on every version
accessibility-before-each-release-end = Before each release, the end-to-end tests go through the service in Chromium, on a computer and on a phone: axe-core checks each page shown against the WCAG 2.1 A and AA rules, and some journeys are made with the keyboard alone (Tab, Shift+Tab, Enter, Space, arrows). The other criteria have not been assessed yet.
accessibility-criteria-checked-how = Criteria checked and how
accessibility-criterion = Criterion
accessibility-wording = Wording
accessibility-check = Check

## app/src/pages/request/mod.rs
request-start-request = Start a request
request-request-work-authorisation = Request a work authorisation
request-six-steps-about-ten = Six steps, about ten minutes. Your request is saved at each step: you can resume it for 14 days with the code you receive by e-mail.
request-before-start = Before you start,{" "}
request-check-that-authorisation-needed = check that an authorisation is needed
request-you-are = You are
request-e-mail-address = Your e-mail address
request-access-code-will-sent = The access code will be sent there.
request-send-me-access-code = Send me an access code
request-already-started = Already started?
request-resume-request-follow-file = Resume your request or follow your file with your address and access code.
request-resume-follow = Resume or follow
request-access-my-request = Access my request
request-if-address-has-request = If this address has a request, an e-mail with a new code is on its way to it; it usually arrives within a minute.
request-e-mail-address-2 = E-mail address
request-access-code = Access code
request-6-digits-received-e = 6 digits, received by e-mail.
request-continue = Continue
request-lost-expired-code = Lost or expired code?{" "}
request-get-new-code = Get a new code
request-start-new-request = Start a new request
request-open-my-request = Open my request
request-followed-link-received-e = You followed the link you received by e-mail. Press the button to open your request in this browser. The link works once.
request-use-my-address-code = Use my address and code instead
request-next-step = Next step:{" "}
request-sign-out = Sign out

## app/src/pages/request/steps.rs
steps-mb = MB
steps-kb = KB
steps-resume-request-follow-file = To resume your request or follow your file, enter your e-mail address and the six-digit access code you received by e-mail.
steps-lost-old-code-same = Lost or old code? On the same page, "Get a new code" sends one to the request's address.
steps-file-filed-follow-from = This file is filed: follow it from the follow-up page.
steps-follow-my-file = Follow my file
steps-work-authorisation-request = Work authorisation request
steps-all-fields-required-unless = All fields are required unless stated otherwise.
steps-previous-step = Previous step
steps-save-continue = Save and continue
steps-draft-kept-14-days = The draft is kept 14 days after the last save.
steps-apply-anef = Apply on ANEF
steps-see-explanation-rule-applied = See the explanation and the rule applied
steps-select-answer = Select an answer
steps-each-document-1-3 = For each document, 1 to 3 PDF, JPEG or PNG files of 10 MB at most. The type is checked from the file's content.
steps-continue-summary = Continue to the summary
steps-optional = {" "}(optional)
steps-remove = Remove
steps-add-file = Add a file
steps-pdf-jpeg-png-10 = PDF, JPEG or PNG, 10 MB at most.
steps-upload = Upload
steps-uploading = Uploading
steps-filing-request-certify-that = By filing the request, you certify that the information given is accurate. The file can no longer be changed, unless the instruction service asks for it.
steps-file-request = File the request
steps-request-filed = Request filed
steps-file-number = File number:{" "}
steps-deposit-receipt-way-e = The deposit receipt is on its way by e-mail to the student and the employer; it usually arrives within a minute. Each can follow the file with their address and an access code.
steps-download-receipt-pdf = Download the receipt (PDF)
steps-request-not-filed-yet = This request is not filed yet.
steps-resume-request = Resume the request
steps-file-follow-up = File follow-up
steps-file = File{" "}
steps-instruction-service = Instruction service:{" "}
steps-deposit-receipt-pdf = Deposit receipt (PDF)
steps-work-authorisation-pdf = Work authorisation (PDF)
steps-documents-asked = Documents asked for
steps-send-file-back-service = Send the file back to the service
steps-history-messages = History and messages
steps-you = you
steps-instruction-service-2 = instruction service
steps-write-instruction-service = Write to the instruction service
steps-send-message = Send the message

## app/src/pages/instructor/mod.rs
instructor-instructor-area = Instructor area
instructor-sign-reach-instructor-area = Sign in to reach the instructor area.
instructor-file-queue = File queue
instructor-administration = Administration
instructor-instructor-sign = Instructor sign-in
instructor-staff-foreign-labour-services = For the staff of the foreign-labour services. Students and employers follow their file with their access code.
instructor-work-e-mail-address = Work e-mail address
instructor-password = Password
instructor-state = State
instructor-all = All
instructor-pagination = Pagination
instructor-previous = Previous
instructor-next = Next
instructor-file-number-name-siret = File number, name or SIRET
instructor-contract = Contract
instructor-contract-start-from = Contract start, from
instructor-to = to
instructor-filter = Filter
instructor-clear = Clear
instructor-export-csv = Export as CSV
instructor-export-xlsx-excel = Export as XLSX (Excel)
instructor-no-file-matches = No file matches.
instructor-files = Files
instructor-file = File
instructor-student = Student
instructor-siret = SIRET
instructor-start = Start
instructor-permit-expiry = Permit expiry

## app/src/pages/instructor/dossier.rs
dossier-file-not-found = File not found
dossier-no-file-services-has = No file of your services has this number.
dossier-back-queue = Back to the queue
dossier-recorded-file-now = Recorded. The file is now:
dossier-validity-must-stay-within = The validity must stay within the contract's dates and the residence permit's validity.
dossier-valid-from = Valid from
dossier-yearly-hour-cap-printed = Yearly hour cap printed on the authorisation:{" "}
dossier-no-yearly-cap-job = No yearly cap: the job is part of the course of study.
dossier-what-missing-correct-sent = What is missing or to correct (sent to the applicant)
dossier-documents-provide-again = Documents to provide again
dossier-reason-refusal-sent-applicant = Reason for refusal (sent to the applicant)
dossier-message-applicant-optional = Message to the applicant (optional)
dossier-revoke-authorisation = Revoke the authorisation
dossier-reason-revoking-sent-applicant = Reason for revoking (sent to the applicant)
dossier-authorisation-issued = Authorisation issued
dossier-verification-code = Verification code:{" "}
dossier-revoked = revoked
dossier-authorisation-pdf = Authorisation (PDF)
dossier-write-applicant = Write to the applicant
dossier-message-sent-student-employer = Message (sent to the student and the employer)
dossier-send = Send
dossier-eligibility-recomputed = Eligibility recomputed
dossier-optional = (optional)
dossier-no-file = No file.
dossier-applicant = applicant
dossier-message = message
dossier-authorisation-revoked = authorisation revoked
dossier-departement = département{" "}
dossier-filed = filed on{" "}
dossier-employer = employer:{" "}
dossier-decision = Decision
dossier-closed-file-no-action = Closed file: no action possible.
dossier-history = History
dossier-open-pdf-new-tab = Open the PDF in a new tab
dossier-pdf-preview = PDF preview:{" "}

## app/src/pages/instructor/admin.rs
admin-instruction-services-departements = Instruction services and départements
admin-services = Services
admin-code = Code
admin-name = Name
admin-e-mail = E-mail
admin-departements-open-bold = Départements (open in bold)
admin-create-rename-service = Create or rename a service
admin-code-e-g-moe = Code (e.g. moe-lyon)
admin-service-e-mail = Service e-mail
admin-save-service = Save the service
admin-assign-open-departement = Assign and open a département
admin-departement-e-g-69 = Département (e.g. 69, 2A, 974)
admin-service = Service
admin-none = None
admin-open-online-requests = Open to online requests
admin-save-departement = Save the département
admin-staff = Staff
admin-role = Role
admin-active = Active
admin-yes = yes
admin-no = no
admin-create-update-staff-member = Create or update a staff member
admin-existing-staff-member-found = An existing staff member is found by address; leave the password empty to keep it.
admin-password-12-characters-more = Password (12 characters or more)
admin-active-account = Active account
admin-save-staff-member = Save the staff member
admin-e-mails = E-mails
admin-latest-e-mails-utc = Latest e-mails (UTC)
admin-queued = Queued
admin-to = To
admin-subject = Subject
admin-tries = Tries
admin-sent-next-try-last = Sent, or next try and last error

## server/src/instruction/xlsx.rs
xlsx-number = Number
xlsx-student = Student
xlsx-residence-permit-ends = Residence permit ends
xlsx-filed-paris-time = Filed on (Paris time)

## Sentences with values: { $name } is given by the code; a plural chooses its variant by
## the number (CLDR categories).
model-fields-to-correct =
    { $n ->
        [one] One field needs correcting.
       *[other] { $n } fields need correcting.
    }
model-access-locked =
    { $minutes ->
        [one] Too many attempts: access is locked for { $minutes } minute. Try again then, or ask for a new code.
       *[other] Too many attempts: access is locked for { $minutes } minutes. Try again then, or ask for a new code.
    }
model-step-not-reached = Complete step { $step } first: the steps are filled in order.
model-departement-closed = Département { $departement } is not open on this service yet: file the request on the ANEF portal (administration-etrangers-en-france.interieur.gouv.fr).
model-documents-missing =
    { $n ->
        [one] { $n } required document missing.
       *[other] { $n } required documents missing.
    }
model-illegal-transition = Not possible: "{ $action }" does not apply to a file that is "{ $state }".
model-rate-limited =
    { $minutes ->
        [one] Too many attempts: try again in { $minutes } minute.
       *[other] Too many attempts: try again in { $minutes } minutes.
    }
model-too-many-rows = This list holds { $rows } files: an Excel sheet holds only { $max }. Export it as CSV, which has no row limit, or narrow the filters.
request-code-sent = An e-mail with a 6-digit code is on its way to { $email }; it usually arrives within a minute. The code is valid for 14 days.
request-step-of-six = Step { $step } of 6
steps-signed-in-as = Signed in: { $email }
steps-answers-to-correct =
    { $n ->
        [one] One answer needs correcting
       *[other] { $n } answers need correcting
    }
steps-routed-to = Département { $departement }: the request will be handled by { $service }.
steps-departement-elsewhere = Département { $departement } is not open on this service yet: the request is made on the digital administration for foreigners in France (ANEF).
steps-documents-still-missing =
    { $n ->
        [one] { $n } more required document to attach before continuing.
       *[other] { $n } more required documents to attach before continuing.
    }
instructor-queue-total =
    { $n ->
        [one] { $n } file — most urgent first (contract start, then residence permit expiry)
       *[other] { $n } files — most urgent first (contract start, then residence permit expiry)
    }

## E-mails (server/src/documents/notify.rs). A blank line in a text is a blank line in the e-mail.
mail-request-started-on = request started on { $date }
mail-signature =
    Work in France, the online service for foreign students' work authorisations.
    This message is sent automatically: do not reply, write from the follow-up page.
mail-access-code-subject = Your Work in France access code
mail-access-code-body =
    Hello,

    Your access code: { $code }

    Enter it with your e-mail address on { $url }/acces to start your work authorisation request, then to resume or follow it. It is valid for 14 days.

    Or open your request directly, once, with this link:
    { $link }

    If you did not ask for it, ignore this message.
mail-new-codes-subject = Your new Work in France access codes
mail-new-codes-body =
    Hello,

    Here are your new access codes (the previous ones no longer work), each with a link that opens the request once:
    { $codes }

    Enter them with your address on { $url }/acces. They are valid for 14 days.
mail-submitted-subject = Request { $number } filed
mail-submitted-body =
    Hello,

    The work authorisation request { $number } is filed. It goes to: { $service }.
    The deposit receipt is attached. You will be e-mailed at each step: review, request for changes, decision.
mail-submitted-follow-with-code =
    To follow this file, enter your address and the code { $code } on { $url }/acces (valid for 14 days), or open it once with this link:
    { $link }
mail-submitted-follow = Follow it on { $url }/suivi.
mail-state-changed-subject = File { $number }: { $state }
mail-state-changed-body =
    Hello,

    File { $number } is now: { $state }.
mail-message-from-service = Message from the instruction service:
mail-details-next-steps = Details and next steps: { $url }/suivi
mail-message-subject = File { $number }: new message
mail-message-body =
    Hello,

    The instruction service writes to you about file { $number }:

    { $message }

    Reply from the follow-up page: { $url }/suivi
mail-revoked-subject = File { $number }: authorisation revoked
mail-revoked-body =
    Hello,

    The work authorisation of file { $number } is revoked. It no longer allows work.

    Reason:
    { $reason }

    Details: { $url }/suivi

## The public API's own errors (server/src/http/api.rs).
api-malformed-json = The request body is not valid JSON.

## The language menu, and the line under each translated page.
language-menu-title = Choose the language
translation-notice = Translation offered to help you: only the French text is authoritative. This translation has not yet been reviewed by a sworn translator.
