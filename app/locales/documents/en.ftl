## The receipt and the authorisation (server/src/documents): French, the act's language, and
## English, its translation's. A text here is fixed: no { $variables }.

## server/src/documents/authorisation.rs
authorisation-work-authorisation = Work authorisation
authorisation-provisional-work-authorisation-issued = Provisional work authorisation issued to a foreign student (French Labour Code, art. L.5221-5, R.5221-1 ff.).
authorisation-file-number = File number
authorisation-issued = Issued on
authorisation-by = By
authorisation-valid-from = Valid from
authorisation-to = to
authorisation-working-time = Working time
authorisation-most = at most
authorisation-hours-year-all-jobs = hours a year, all jobs together
authorisation-no-yearly-cap-job = no yearly cap (job within the course of study)
authorisation-verification = Verification
authorisation-verification-code = Verification code:
authorisation-check-authorisation-code-employee = Check this authorisation with this code and the employee's birth date on{" "}
authorisation-employer-keeps-authorisation-whole = The employer keeps this authorisation for the whole employment. It is valid only for the job, the employer and the period shown, within the residence permit's validity.

## server/src/documents/receipt.rs
receipt-deposit-receipt = Deposit receipt
receipt-work-authorisation-request-foreign = Work authorisation request for a foreign student (French Labour Code, art. L.5221-5 and R.5221-1 ff.).
receipt-filed = Filed on
receipt-instruction-service = Instruction service
receipt-documents = Documents
receipt-receipt-proves-request-was = This receipt proves the request was filed; it is not a work authorisation. The employee may start work only once the authorisation is granted, unless none is required.
receipt-french-republic-work-france = French Republic — Work in France
receipt-employee = Employee
receipt-name = Name
receipt-date-birth = Date of birth
receipt-nationality = Nationality
receipt-residence-permit = Residence permit
receipt-permit-validity = Permit validity
receipt-studies = Studies
receipt-employer = Employer
receipt-name-2 = Name
receipt-establishment = Establishment
receipt-job = Job
receipt-position = Position
receipt-contract = Contract
receipt-open-ended = open-ended
receipt-period = Period
receipt-hours-wage = Hours and wage
receipt-week = week
receipt-gross-per-hour = gross per hour
