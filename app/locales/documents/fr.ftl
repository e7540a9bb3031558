## The receipt and the authorisation (server/src/documents): French, the act's language, and
## English, its translation's. A text here is fixed: no { $variables }.

## server/src/documents/authorisation.rs
authorisation-work-authorisation = Autorisation de travail
authorisation-provisional-work-authorisation-issued = Autorisation provisoire de travail délivrée à un étudiant étranger (Code du travail, art. L.5221-5, R.5221-1 et suivants).
authorisation-file-number = Numéro de dossier
authorisation-issued = Délivrée le
authorisation-by = Par
authorisation-valid-from = Valable du
authorisation-to = au
authorisation-working-time = Durée du travail
authorisation-most = au plus
authorisation-hours-year-all-jobs = heures par an, tous emplois confondus
authorisation-no-yearly-cap-job = sans plafond annuel (emploi dans le cadre du cursus)
authorisation-verification = Vérification
authorisation-verification-code = Code de vérification :
authorisation-check-authorisation-code-employee = Vérifiez cette autorisation avec ce code et la date de naissance du salarié sur{" "}
authorisation-employer-keeps-authorisation-whole = L'employeur conserve cette autorisation pendant toute la durée de l'emploi. Elle ne vaut que pour l'emploi, l'employeur et la période indiqués, dans la limite de la validité du titre de séjour.

## server/src/documents/receipt.rs
receipt-deposit-receipt = Récépissé de dépôt
receipt-work-authorisation-request-foreign = Demande d'autorisation de travail pour un étudiant étranger (Code du travail, art. L.5221-5 et R.5221-1 et suivants).
receipt-filed = Déposé le
receipt-instruction-service = Service instructeur
receipt-documents = Pièces jointes
receipt-receipt-proves-request-was = Ce récépissé atteste le dépôt de la demande ; il ne vaut pas autorisation de travail. Le salarié ne peut commencer à travailler qu'une fois l'autorisation accordée, sauf si aucune autorisation n'est requise.
receipt-french-republic-work-france = République française — Work in France
receipt-employee = Salarié
receipt-name = Nom, prénoms
receipt-date-birth = Date de naissance
receipt-nationality = Nationalité
receipt-residence-permit = Titre de séjour
receipt-permit-validity = Validité du titre
receipt-studies = Formation
receipt-employer = Employeur
receipt-name-2 = Raison sociale
receipt-establishment = Établissement
receipt-job = Emploi
receipt-position = Poste
receipt-contract = Contrat
receipt-open-ended = sans terme
receipt-period = Période
receipt-hours-wage = Durée et salaire
receipt-week = semaine
receipt-gross-per-hour = brut de l'heure
