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
