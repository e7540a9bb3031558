## Interface sentences (was app/src/i18n/ui.rs). A key is the Rust name in kebab case:
## `home-step1-title` is `Msg::HomeStep1Title`. Every file has every key, with the same
## `{ $variables }` (checked as the crate is built, and by `cargo test`).

meta-description = Savoir si un étudiant étranger a besoin d'une autorisation de travail, la demander en ligne et suivre son dossier.
tagline = Autorisation de travail des étudiants étrangers
home-link-title = Accueil – Work in France
skip-links-label = Accès rapide
skip-to-content = Contenu
skip-to-footer = Pied de page
main-menu = Menu principal
menu-button = Menu
nav-home = Accueil
nav-eligibility = Ai-je besoin d'une autorisation ?
nav-request = Faire une demande
nav-follow = Reprendre ou suivre
footer-description = Work in France aide les étudiants étrangers et leurs employeurs à savoir si une autorisation de travail est nécessaire, à la demander et à suivre le dossier. Les règles appliquées sont celles du droit en vigueur.
accessibility-status = Accessibilité : partiellement conforme
footer-api = API publique (OpenAPI)
footer-verify = Vérifier une autorisation
footer-stats = Statistiques
footer-instructors = Espace instructeur
footer-licence = Sauf mention contraire, les contenus de ce site sont sous licence etalab-2.0.

home-title = Accueil
home-heading = Travailler pendant ses études en France
home-lead = Étudiant étranger ou employeur : vérifiez en une minute si une autorisation de travail est nécessaire, quelles pièces préparer et combien d'heures sont permises.
home-cta = Vérifier si une autorisation est nécessaire
home-step1-title = 1. Vérifier
home-step1-text = Quelques questions sur la nationalité, le titre de séjour et le contrat suffisent : la réponse s'affiche immédiatement, avec la règle qui la fonde.
home-step2-title = 2. Déposer
home-step2-text = La demande en ligne, en six étapes et une dizaine de minutes, remplace le formulaire papier : pièces jointes, récépissé immédiat.
home-step3-title = 3. Suivre
home-step3-text = Chaque étape du dossier est envoyée par courriel à l'étudiant et à l'employeur, qui le suivent en ligne avec leur code d'accès.
home-request-cta = Faire une demande
home-law-title = Le droit en vigueur
home-law-text = Depuis le 1er avril 2021, l'« autorisation provisoire de travail » (APT) est une autorisation de travail ordinaire, demandée par l'employeur auprès du préfet du département de l'établissement qui embauche. Ce service applique ces règles et leurs montants en vigueur.

eligibility-title = Ai-je besoin d'une autorisation de travail ?
eligibility-lead = Répondez aux questions : la réponse se met à jour à chaque réponse. Aucune donnée n'est enregistrée.
nationality-label = Nationalité de l'étudiant
nationality-placeholder = Sélectionnez une nationalité
permit-legend = Titre de séjour de l'étudiant
permit-hint = Tel qu'il figure sur le titre ou le visa.
contract-label = Type de contrat
contract-placeholder = Sélectionnez un type de contrat
hours-label = Heures travaillées sur 12 mois
hours-hint = Tous emplois confondus, y compris celui-ci, sur les 12 mois qui suivent la délivrance du titre. Par exemple : 500 ou 803,5.
curriculum-legend = L'emploi fait-il partie du cursus d'études ?
curriculum-hint = Par exemple un emploi exigé par la formation ou lié au diplôme préparé.
curriculum-by-nature = Ce type de contrat fait partie du cursus par nature.
profession-label = Profession réglementée
profession-hint = Certaines professions demandent une preuve de capacité ou une licence de l'employeur.
profession-placeholder = Sélectionnez une réponse
no-regulated-profession = Aucune
filed-by-legend = Qui dépose la demande ?
renewal-label = Une autorisation a déjà été délivrée pour ce même emploi (renouvellement)
yes = Oui
no = Non
see-result = Voir le résultat
result-heading = Résultat
result-waiting = Répondez aux questions : le résultat s'affiche ici.
result-fix-answers = Il manque des réponses ou certaines sont à corriger :
legal-basis = Fondement :
cap-label = Plafond annuel :
hours-per-year = heures sur 12 mois
obligations-heading = Obligation de l'employeur
documents-heading = Pièces à préparer
optional-documents-heading = Pièces utiles (facultatives)
documents-format = Pour chaque pièce, 1 à 3 fichiers PDF, JPEG ou PNG de 10 Mo au plus.
rules-in-force = Règles en vigueur au
not-a-decision = Cette réponse informe, elle ne vaut pas décision : seule l'administration décide.

accessibility-title = Déclaration d'accessibilité
accessibility-intro = Work in France s'engage à rendre son service accessible conformément à l'article 47 de la loi n° 2005-102 du 11 février 2005.
accessibility-status-heading = État de conformité
accessibility-status-text = Work in France est partiellement conforme au référentiel général d'amélioration de l'accessibilité (RGAA 4.1) : aucun audit n'a encore été réalisé.
accessibility-done-heading = Ce qui est déjà fait
accessibility-done-text = Liens d'évitement, focus visible, formulaires étiquetés avec leurs erreurs annoncées, pages utilisables sans JavaScript, version anglaise complète.
accessibility-contact-heading = Signaler un défaut
accessibility-contact-text = Si vous ne pouvez pas accéder à un contenu ou à une fonctionnalité, écrivez-nous à contact@workinfrance.beta.gouv.fr : nous vous répondrons et vous proposerons une alternative.

not-found-title = Page introuvable
not-found-text = La page demandée n'existe pas ou a été déplacée.

## app/src/i18n/domain.rs
domain-file = déposer
domain-take-review = passer en instruction
domain-request-changes = demander des compléments
domain-grant-authorisation = accorder l'autorisation
domain-refuse = refuser
domain-close-without-action = classer sans suite
domain-process = À traiter
domain-review = En instruction
domain-waiting-applicant = En attente du demandeur
domain-decided = Décidés
domain-instructor = instructeur
domain-administrator = administrateur
domain-valid-authorisation = Autorisation valide
domain-authorisation-not-yet-force = Autorisation pas encore en vigueur
domain-expired-authorisation = Autorisation expirée
domain-revoked-authorisation = Autorisation retirée
domain-draft = brouillon
domain-filed = déposé
domain-under-review = en instruction
domain-changes-requested = compléments demandés
domain-authorisation-granted = autorisation accordée
domain-refused = refusé
domain-closed-without-action = classé sans suite
domain-finish-file-request = Terminez et déposez la demande.
domain-instruction-service-will-check = Le service instructeur va vérifier que le dossier est complet, puis l'instruire.
domain-file-complete-under-review = Le dossier est complet et en cours d'instruction : la décision vous sera envoyée par courriel.
domain-send-documents-details-asked = Envoyez les pièces ou précisions demandées ci-dessous : le dossier reviendra alors au service.
domain-authorisation-granted-download-give = L'autorisation est accordée : téléchargez-la et remettez-la à l'employeur.
domain-request-refused-reason-given = La demande est refusée pour le motif indiqué. Un recours est possible dans les deux mois.
domain-file-closed = Le dossier est clos.
domain-residence-card-vls-ts = Carte de séjour ou VLS-TS « étudiant »
domain-residence-card-student-mobility = Carte de séjour « étudiant – programme de mobilité »
domain-temporary-long-stay-student = Visa de long séjour temporaire « étudiant » (6 mois au plus)
domain-algerian-student-residence-certificate = Certificat de résidence algérien « étudiant »
domain-another-permit-none = Un autre titre ou aucun titre
domain-ordinary-employment-contract-permanent = Contrat de travail ordinaire (CDI, CDD, intérim)
domain-apprenticeship-contract = Contrat d'apprentissage
domain-professionalisation-contract = Contrat de professionnalisation
domain-cifre-industrial-research-training = CIFRE (convention industrielle de formation par la recherche)
domain-ater-temporary-teaching-research = ATER (attaché temporaire d'enseignement et de recherche)
domain-medical-intern-ffi-dfms = Interne en médecine (FFI, DFMS/DFMSA)
domain-doctoral-contract = Contrat doctoral
domain-internship-under-internship-agreement = Stage avec convention de stage
domain-trainee-chartered-accountant = Expert-comptable stagiaire
domain-security-agent = Agent de sécurité
domain-statutory-auditor = Commissaire aux comptes
domain-trainee-lawyer = Avocat stagiaire
domain-notary = Notaire
domain-architect = Architecte
domain-medical-profession = Profession médicale
domain-model = Mannequin
domain-live-performer = Artiste du spectacle vivant
domain-employer = L'employeur
domain-student-employer-s-mandate = L'étudiant, mandaté par l'employeur
domain-no-work-authorisation-needed = Aucune autorisation de travail n'est nécessaire
domain-work-authorisation-needed = Une autorisation de travail est nécessaire
domain-job-cannot-authorised = Cet emploi ne peut pas être autorisé
domain-nationals-european-union-european = Les ressortissants de l'Union européenne, de l'Espace économique européen et de la Suisse travaillent en France librement, sans autorisation.
domain-internship-under-internship-agreement-2 = Un stage sous convention de stage n'est pas un emploi : il ne demande pas d'autorisation de travail et ses heures ne comptent pas dans le plafond annuel.
domain-service-students-holding-student = Ce service est réservé aux étudiants titulaires d'un titre « étudiant ». Avec un autre titre, le droit de travailler dépend de ce titre : renseignez-vous auprès de votre préfecture ou sur le site de l'ANEF.
domain-algerian-student-residence-certificate-2 = Le certificat de résidence algérien « étudiant » ne permet pas de travailler sans autorisation : l'employeur la demande avant la première heure de travail. Elle permet de travailler jusqu'à { $cap } heures par an (50 % de la durée annuelle du travail).
domain-above-yearly-cap-job = Au-delà du plafond annuel, un emploi qui fait partie de votre cursus reste possible, mais l'employeur doit obtenir une autorisation de travail avant le début du contrat.
domain-above-cap-hours-year = Au-delà de { $cap } heures par an, un étudiant algérien ne peut travailler que dans le cadre de son cursus. Cet emploi ne faisant pas partie de vos études, il ne peut pas être autorisé.
domain-temporary-long-stay-student-2 = Le visa de long séjour temporaire « étudiant » ne permet pas de travailler sans autorisation : l'employeur la demande avant la première heure, dans la limite de { $cap } heures.
domain-temporary-long-stay-student-3 = Avec un visa de long séjour temporaire « étudiant », le travail est limité à { $cap } heures : au-delà, l'emploi ne peut pas être autorisé.
domain-apprenticeship-contract-registered-skills = Un contrat d'apprentissage enregistré par l'opérateur de compétences (OPCO) vaut autorisation de travail : aucune demande n'est nécessaire, et aucun plafond d'heures ne s'applique à ce contrat.
domain-student-residence-permit-may = Avec un titre de séjour « étudiant », vous pouvez travailler jusqu'à { $cap } heures par an (60 % de la durée légale du travail) sans autorisation de travail.
domain-above-cap-hours-year-2 = Au-delà de { $cap } heures par an, seul un emploi qui fait partie de votre cursus peut être autorisé. Cet emploi n'en faisant pas partie, il ne peut pas l'être sous le statut d'étudiant : un changement de statut est une autre démarche.
domain-employer-declares-hire-name = L'employeur déclare nominativement l'embauche à la préfecture du département de l'établissement au moins 2 jours ouvrables avant le début du contrat, même sans autorisation de travail.
domain-passport-identity-pages = Passeport (pages d'identité)
domain-valid-residence-permit-vls = Titre de séjour ou VLS-TS en cours de validité (ou récépissé de renouvellement)
domain-enrolment-certificate-current-year = Certificat de scolarité de l'année en cours
domain-employment-contract-promise-employment = Contrat de travail ou promesse d'embauche
domain-employer-s-mandate-authorising = Mandat de l'employeur autorisant l'étudiant à déposer la demande
domain-cifre-contract = Contrat CIFRE
domain-ater-contract-from-institution = Contrat d'ATER délivré par l'établissement, avec la date de prise de fonction
domain-appointment-order-certificate-installation = Arrêté ou attestation de nomination, ou procès-verbal d'installation
domain-recruitment-certificate-duration-salary = Attestation de recrutement (durée et salaire)
domain-certificate-from-head-department = Attestation du chef de service
domain-dfms-dfmsa-enrolment-certificate = Certificat de scolarité DFMS ou DFMSA
domain-proof-capacity-practise-regulated = Justificatif de capacité à exercer la profession réglementée (attestation de l'ordre, carte professionnelle…)
domain-employer-s-model-agency = Licence d'agence de mannequins de l'employeur (art. L.7123-11)
domain-live-performance-entrepreneur-licence = Licence d'entrepreneur de spectacles vivants (art. L.7122-3) ou déclaration préalable à la DRAC
domain-previous-work-authorisation = Autorisation de travail précédente
domain-latest-payslips = Derniers bulletins de salaire

## app/src/rules/error.rs
error-field-required = Ce champ est obligatoire.
error-choose-one-values-offered = Choisissez une des valeurs proposées.
error-value-does-not-have = Le format de cette donnée n'est pas valide.
error-unknown-nationality-give-two = Nationalité inconnue : indiquez un code pays ISO à deux lettres (par exemple SN).
error-enter-number-example-500 = Indiquez un nombre (par exemple 500 ou 803,5).
error-number-hours-cannot-negative = Le nombre d'heures ne peut pas être négatif.
error-year-has-most-8 = Une année compte au plus 8 784 heures : vérifiez ce nombre.
error-answer-yes-no = Répondez par oui ou par non.
error-algerian-student-residence-certificate = Le certificat de résidence algérien « étudiant » n'est délivré qu'aux ressortissants algériens : vérifiez la nationalité ou le titre.
error-enter-between-1-100 = Indiquez entre 1 et 100 caractères.
error-enter-valid-date-dd = Indiquez une date valide (jj/mm/aaaa).
error-date-birth-must-past = La date de naissance doit être passée.
error-person-must-between-16 = La personne doit avoir entre 16 et 80 ans au début du contrat.
error-invalid-e-mail-address = Adresse électronique invalide (format attendu : nom@domaine.fr).
error-invalid-number-10-digits = Numéro invalide : 10 chiffres (06 12 34 56 78) ou format international (+33 6 12 34 56 78).
error-siret-has-14-digits = Le SIRET compte 14 chiffres.
error-siret-does-not-exist = Ce SIRET n'existe pas (clé de contrôle incorrecte) : vérifiez-le sur l'avis de situation Insee.
error-postcode-has-5-digits = Le code postal compte 5 chiffres.
error-postcode-matches-no-departement = Ce code postal ne correspond à aucun département.
error-territory-does-not-apply = Ce territoire n'applique pas le Code du travail : adressez-vous à son administration locale.
error-contract-must-end-after = La fin du contrat doit suivre son début.
error-permit-s-expiry-date = La date d'expiration du titre doit suivre sa date de délivrance.
error-residence-permit-must-valid = Le titre de séjour doit être valide à la date de début du contrat.
error-validity-must-end-after = La fin de validité doit suivre son début.
error-authorisation-must-lie-within = L'autorisation doit rester dans les dates du contrat.
error-authorisation-cannot-outlast-residence = L'autorisation ne peut pas dépasser la validité du titre de séjour.
error-enter-positive-gross-hourly = Indiquez un salaire horaire brut positif, en euros.
error-gross-hourly-wage-must = Le salaire horaire brut doit être au moins égal au SMIC en vigueur au début du contrat.
error-enter-positive-number-weekly = Indiquez une durée hebdomadaire positive.
error-working-time-cannot-exceed = La durée du travail ne peut pas dépasser 48 heures par semaine.
error-enter-between-1-200 = Indiquez entre 1 et 200 caractères.
error-permit-number-has-6 = Le numéro du titre compte 6 à 20 lettres et chiffres (il figure au recto de la carte).
error-issue-date-cannot-future = La date de délivrance ne peut pas être future.
error-residence-permit-has-expired = Ce titre de séjour est expiré : joignez le récépissé de renouvellement et indiquez ses dates.
error-contract-cannot-start-before = Le contrat ne peut pas commencer avant aujourd'hui : l'autorisation précède l'embauche.
error-give-end-date-only = Indiquez la date de fin : seul un contrat de travail ordinaire (CDI) peut ne pas en avoir.
error-access-code-has-6 = Le code d'accès compte 6 chiffres.
error-say-whether-student-employer = Indiquez si vous êtes l'étudiant ou l'employeur.
error-write-message-1-2 = Écrivez un message de 1 à 2 000 caractères.
error-verification-code-has-12 = Le code de vérification compte 12 lettres et chiffres, par exemple 7KQ2-M9XD-4TPA.
error-password-has-12-128 = Le mot de passe compte de 12 à 128 caractères.
error-service-code-has-2 = Le code du service compte 2 à 32 lettres minuscules, chiffres ou tirets.

## app/src/model.rs
model-file-too-large-10 = Fichier trop lourd : 10 Mo au plus.
model-file-not-pdf-jpeg = Ce fichier n'est ni un PDF, ni une image JPEG ou PNG (son contenu a été vérifié, pas seulement son nom).
model-3-files-most-per = 3 fichiers au plus par pièce : retirez-en un d'abord.
model-file-empty = Le fichier est vide.
model-document-not-expected-file = Cette pièce n'est pas attendue pour ce dossier.
model-upload-failed-try-again = L'envoi a échoué : réessayez.
model-file-s-documents-reach = Les pièces de ce dossier atteignent 60 Mo : retirez un fichier, ou réduisez-le (un scan en 150 dpi suffit), avant d'en ajouter un autre.
model-upload-took-too-long = L'envoi a pris trop de temps et a été interrompu : réessayez, si possible avec une meilleure connexion.
model-service-receiving-many-files = Le service reçoit beaucoup de fichiers en ce moment : réessayez dans une minute.
model-several-files-already-being = Plusieurs fichiers sont déjà en cours d'envoi depuis votre connexion : attendez qu'ils arrivent, puis envoyez celui-ci.
model-files-sent-from-connection = Les fichiers envoyés depuis votre connexion à des demandes pas encore déposées atteignent la limite : déposez une demande terminée, ou retirez des fichiers, avant d'en envoyer d'autres.
model-service-cannot-receive-files = Le service ne peut pas recevoir de fichiers pour le moment. Vos fichiers déjà envoyés sont conservés : réessayez plus tard.
model-session-has-expired-enter = Votre session a expiré : saisissez à nouveau votre adresse et votre code d'accès.
model-wrong-address-access-code = Adresse ou code d'accès incorrect. Après 5 essais, l'accès est bloqué 15 minutes.
model-too-many-attempts-code = Trop d'essais : ce code n'est plus valable. Demandez un nouveau code ci-dessous.
model-sign-link-no-longer = Ce lien de connexion n'est plus valable (déjà utilisé ou expiré). Saisissez votre adresse et le code reçu, ou demandez un nouveau code.
model-file-filed-can-no = Ce dossier est déposé : il ne peut plus être modifié. Suivez-le depuis la page de suivi.
model-no-authorisation-needed-case = Aucune autorisation n'est nécessaire dans ce cas : la demande s'arrête ici.
model-authorisation-cannot-granted-case = Une autorisation ne peut pas être accordée dans ce cas : la demande s'arrête ici.
model-not-found = Élément introuvable.
model-file-changed-meantime-page = Le dossier a changé entre-temps : la page a été rechargée, vérifiez et recommencez.
model-wrong-address-password-after = Adresse ou mot de passe incorrect. Après 5 essais, le compte est bloqué 15 minutes.
model-account-does-not-allow = Votre compte ne permet pas cette action.
model-no-authorisation-matches-code = Aucune autorisation ne correspond à ce code et à cette date de naissance.
model-request-sent-was-incomplete = La demande envoyée est incomplète : rechargez la page et recommencez.
model-service-has-problem-nothing = Le service rencontre un problème : rien n'a été perdu, réessayez dans un instant.

## app/src/instruction.rs
instruction-queued = En attente d'envoi
instruction-sent = Envoyé
instruction-failing-will-retry = En échec, nouvel essai prévu
instruction-given-up = Abandonné

## app/src/components/summary.rs
summary-employee = Salarié
summary-employer = Employeur
summary-job-contract = Emploi et contrat
summary-documents = Justificatifs
summary-summary = Récapitulatif
summary-confirmation = Confirmation
summary-change = Modifier

## app/src/components/feedback.rs
feedback-session-has-expired-sign = Votre session a expiré : reconnectez-vous.
feedback-sign = Se connecter
feedback-enter-my-access-code = Saisir mon code d'accès

## app/src/components/fields.rs
fields-unknown = Réponse
fields-format-dd-mm-yyyy = Format : jj/mm/aaaa.
fields-family-name = Nom de famille
fields-given-names = Prénoms
fields-date-birth = Date de naissance
fields-nationality = Nationalité
fields-residence-permit = Titre de séjour
fields-written-permit-visa = Tel qu'il figure sur le titre ou le visa.
fields-permit-number = Numéro du titre
fields-6-20-letters-digits = 6 à 20 lettres et chiffres, au recto du titre.
fields-permit-issue-date = Date de délivrance du titre
fields-permit-expiry-date = Date d'expiration du titre
fields-school-university = Établissement d'enseignement
fields-degree-studied = Diplôme préparé
fields-year-study = Année d'études
fields-example-l3-m1-2nd = Par exemple : L3, M1, 2e année de doctorat.
fields-address-france = Adresse en France
fields-postcode = Code postal
fields-town = Commune
fields-student-s-e-mail = Adresse électronique de l'étudiant
fields-will-receive-each-step = Elle recevra chaque étape du dossier.
fields-student-s-phone = Téléphone de l'étudiant
fields-06-12-34-56 = 06 12 34 56 78 ou +33 6 12 34 56 78.
fields-siret-employing-establishment = SIRET de l'établissement qui emploie
fields-14-digits-insee-notice = 14 chiffres, sur l'avis de situation Insee ou une fiche de paie.
fields-company-name = Raison sociale
fields-establishment-s-address = Adresse de l'établissement
fields-establishment-s-postcode = Code postal de l'établissement
fields-departement-decides-competent-service = Son département désigne le service compétent (Code du travail, art. R.5221-15).
fields-establishment-s-town = Commune de l'établissement
fields-contact-person = Personne à contacter
fields-employer-s-e-mail = Adresse électronique de l'employeur
fields-employer-s-phone = Téléphone de l'employeur
fields-type-contract = Type de contrat
fields-contract-start = Début du contrat
fields-contract-end = Fin du contrat
fields-empty-open-ended-contract = Vide pour un CDI. Format : jj/mm/aaaa.
fields-weekly-hours = Durée hebdomadaire (heures)
fields-48-hours-most = 48 heures au plus.
fields-gross-hourly-wage = Salaire horaire brut (€)
fields-least-minimum-wage-force = Au moins le SMIC en vigueur au début du contrat.
fields-job-title = Intitulé du poste
fields-job-part-course-study = L'emploi fait-il partie du cursus d'études ?
fields-example-job-course-requires = Par exemple un emploi exigé par la formation ou lié au diplôme préparé.
fields-regulated-profession = Profession réglementée
fields-hours-worked-over-12 = Heures travaillées sur 12 mois
fields-all-jobs-together-one = Tous emplois confondus, y compris celui-ci, sur les 12 mois qui suivent la délivrance du titre.
fields-renewal = Renouvellement
fields-authorisation-was-already-issued = Une autorisation a déjà été délivrée pour ce même emploi.

## app/src/pages/verify.rs
verify-check-work-authorisation = Vérifier une autorisation de travail
verify-enter-verification-code-printed = Saisissez le code de vérification imprimé sur l'autorisation (ou lu dans son QR code) et la date de naissance de l'étudiant. Seuls l'état de l'autorisation et quelques informations sont affichés.
verify-verification-code = Code de vérification
verify-12-letters-digits-example = 12 lettres et chiffres, par exemple 7KQ2-M9XD-4TPA
verify-student-s-birth-date = Date de naissance de l'étudiant
verify-check = Vérifier
verify-authorisation-no = Autorisation n°{" "}
verify-student = Étudiant :{" "}
verify-employer = Employeur :{" "}
verify-valid-from = Valable du{" "}
verify-to = {" "}au{" "}

## app/src/pages/stats.rs
stats-statistics = Statistiques
stats-public-statistics = Statistiques publiques
stats-work-authorisation-requests-filed = Demandes d'autorisation de travail déposées sur ce service, et délai de décision. Mises à jour en continu.
stats-loading = Chargement…
stats-d = j
stats-chart-requests-filed-granted = Graphique : demandes déposées, accordées et refusées par mois. Les mêmes chiffres figurent dans le tableau ci-dessous.
stats-filed = déposées
stats-granted = accordées
stats-refused = refusées
stats-month = Mois
stats-departement = Département
stats-filed-2 = Déposées
stats-granted-2 = Accordées
stats-refused-2 = Refusées
stats-median-time-decision = Délai médian de décision
stats-requests-filed = demandes déposées
stats-authorisations-granted = autorisations accordées
stats-refusals = refus
stats-median-time-decision-2 = délai médian de décision
stats-month-2 = Par mois
stats-no-request-filed-yet = Aucune demande déposée pour l'instant.
stats-month-month-filed = Par mois (mois de dépôt)
stats-departement-2 = Par département
stats-establishment-s-departement = Par département de l'établissement

## app/src/pages/accessibility.rs
accessibility-does-each-informative-image = Chaque image porteuse d'information a-t-elle une alternative textuelle ?
accessibility-contrast-between-text-background = Le contraste entre la couleur du texte et celle de son arrière-plan est-il suffisamment élevé ?
accessibility-each-data-table-cell = Chaque cellule d'un tableau de données est-elle associée à ses en-têtes ?
accessibility-does-each-link-have = Chaque lien a-t-il un intitulé ?
accessibility-each-script-compatible-assistive = Chaque script est-il compatible avec les technologies d'assistance ?
accessibility-can-each-script-operated = Chaque script est-il contrôlable par le clavier ?
accessibility-each-page-s-default = La langue par défaut de chaque page est-elle présente ?
accessibility-each-page-s-language = Le code de langue de chaque page est-il valide ?
accessibility-does-each-page-have = Chaque page a-t-elle un titre ?
accessibility-each-change-language-marked = Chaque changement de langue est-il indiqué dans le code source ?
accessibility-does-each-form-field = Chaque champ de formulaire a-t-il une étiquette ?
accessibility-input-checking-used-appropriately = Le contrôle de saisie est-il utilisé de manière pertinente ? (résumé des erreurs qui reçoit le focus, chaque erreur liée à son champ)
accessibility-can-input-s-purpose = La finalité d'un champ de saisie peut-elle être déduite (attribut autocomplete) ?
accessibility-there-skip-link-main = Un lien d'évitement vers le contenu principal est-il présent ?
accessibility-tab-order-consistent = L'ordre de tabulation est-il cohérent ?
accessibility-automated-axe-core = Automatique (axe-core)
accessibility-keyboard-journey = Parcours au clavier
accessibility-automated-axe-core-keyboard = Automatique (axe-core) et parcours au clavier
accessibility-rgaa-4-1-criteria = Critères RGAA 4.1 vérifiés à chaque version
accessibility-before-each-release-end = Avant chaque mise en production, les tests de bout en bout parcourent le service dans Chromium, sur ordinateur et sur téléphone : axe-core y contrôle chaque page affichée selon les règles WCAG 2.1 A et AA, et des parcours se font au clavier seul (Tab, Maj+Tab, Entrée, Espace, flèches). Les autres critères n'ont pas encore été évalués.
accessibility-criteria-checked-how = Critères vérifiés et méthode
accessibility-criterion = Critère
accessibility-wording = Intitulé
accessibility-check = Vérification

## app/src/pages/request/mod.rs
request-start-request = Commencer une demande
request-request-work-authorisation = Demander une autorisation de travail
request-six-steps-about-ten = Six étapes, une dizaine de minutes. Votre demande est enregistrée à chaque étape : vous pouvez la reprendre pendant 14 jours avec le code reçu par courriel.
request-before-start = Avant de commencer,{" "}
request-check-that-authorisation-needed = vérifiez qu'une autorisation est nécessaire
request-you-are = Vous êtes
request-e-mail-address = Votre adresse électronique
request-access-code-will-sent = Le code d'accès y sera envoyé.
request-send-me-access-code = Recevoir mon code d'accès
request-already-started = Déjà commencé ?
request-resume-request-follow-file = Reprenez votre demande ou suivez votre dossier avec votre adresse et votre code d'accès.
request-resume-follow = Reprendre ou suivre
request-access-my-request = Accéder à ma demande
request-if-address-has-request = Si cette adresse a une demande, un courriel avec un nouveau code part vers elle ; il arrive en général en moins d'une minute.
request-e-mail-address-2 = Adresse électronique
request-access-code = Code d'accès
request-6-digits-received-e = 6 chiffres, reçus par courriel.
request-continue = Accéder
request-lost-expired-code = Code perdu ou expiré ?{" "}
request-get-new-code = Recevoir un nouveau code
request-start-new-request = Commencer une nouvelle demande
request-open-my-request = Ouvrir ma demande
request-followed-link-received-e = Vous avez suivi le lien reçu par courriel. Appuyez sur le bouton pour ouvrir votre demande dans ce navigateur. Le lien ne sert qu'une fois.
request-use-my-address-code = Utiliser plutôt mon adresse et mon code
request-next-step = Étape suivante :{" "}
request-sign-out = Se déconnecter

## app/src/pages/request/steps.rs
steps-mb = Mo
steps-kb = ko
steps-resume-request-follow-file = Pour reprendre votre demande ou suivre votre dossier, saisissez votre adresse électronique et le code d'accès à six chiffres reçu par courriel.
steps-lost-old-code-same = Code perdu ou trop ancien ? Sur la même page, « Recevoir un nouveau code » en envoie un à l'adresse de la demande.
steps-file-filed-follow-from = Ce dossier est déposé : suivez-le depuis la page de suivi.
steps-follow-my-file = Suivre mon dossier
steps-work-authorisation-request = Demande d'autorisation de travail
steps-all-fields-required-unless = Tous les champs sont obligatoires, sauf mention contraire.
steps-previous-step = Étape précédente
steps-save-continue = Enregistrer et continuer
steps-draft-kept-14-days = Le brouillon est conservé 14 jours après le dernier enregistrement.
steps-apply-anef = Déposer sur l'ANEF
steps-see-explanation-rule-applied = Voir l'explication et la règle appliquée
steps-select-answer = Sélectionnez une réponse
steps-each-document-1-3 = Pour chaque pièce, 1 à 3 fichiers PDF, JPEG ou PNG de 10 Mo au plus. Le type est vérifié d'après le contenu du fichier.
steps-continue-summary = Continuer vers le récapitulatif
steps-optional = {" "}(facultatif)
steps-remove = Retirer
steps-add-file = Ajouter un fichier
steps-pdf-jpeg-png-10 = PDF, JPEG ou PNG, 10 Mo au plus.
steps-upload = Envoyer
steps-uploading = Envoi en cours
steps-filing-request-certify-that = En déposant la demande, vous certifiez l'exactitude des informations données. Le dossier ne pourra plus être modifié, sauf à la demande du service instructeur.
steps-file-request = Déposer la demande
steps-request-filed = Demande déposée
steps-file-number = Numéro de dossier :{" "}
steps-deposit-receipt-way-e = Le récépissé de dépôt part par courriel vers l'étudiant et l'employeur ; il arrive en général en moins d'une minute. Chacun peut suivre le dossier avec son adresse et un code d'accès.
steps-download-receipt-pdf = Télécharger le récépissé (PDF)
steps-request-not-filed-yet = Cette demande n'est pas encore déposée.
steps-resume-request = Reprendre la demande
steps-file-follow-up = Suivi du dossier
steps-file = Dossier{" "}
steps-instruction-service = Service instructeur :{" "}
steps-deposit-receipt-pdf = Récépissé de dépôt (PDF)
steps-work-authorisation-pdf = Autorisation de travail (PDF)
steps-documents-asked = Pièces demandées
steps-send-file-back-service = Renvoyer le dossier au service
steps-history-messages = Historique et messages
steps-you = vous
steps-instruction-service-2 = service instructeur
steps-write-instruction-service = Écrire au service instructeur
steps-send-message = Envoyer le message

## app/src/pages/instructor/mod.rs
instructor-instructor-area = Espace instructeur
instructor-sign-reach-instructor-area = Connectez-vous pour accéder à l'espace instructeur.
instructor-file-queue = File des dossiers
instructor-administration = Administration
instructor-instructor-sign = Connexion instructeur
instructor-staff-foreign-labour-services = Réservé aux agents des services de la main-d'œuvre étrangère. Les étudiants et les employeurs suivent leur dossier avec leur code d'accès.
instructor-work-e-mail-address = Adresse électronique professionnelle
instructor-password = Mot de passe
instructor-state = État
instructor-all = Tous
instructor-pagination = Pagination
instructor-previous = Précédente
instructor-next = Suivante
instructor-file-number-name-siret = N° de dossier, nom ou SIRET
instructor-contract = Contrat
instructor-contract-start-from = Début du contrat, du
instructor-to = au
instructor-filter = Filtrer
instructor-clear = Effacer
instructor-export-csv = Exporter en CSV
instructor-export-xlsx-excel = Exporter en XLSX (Excel)
instructor-no-file-matches = Aucun dossier ne correspond.
instructor-files = Dossiers
instructor-file = Dossier
instructor-student = Étudiant
instructor-siret = SIRET
instructor-start = Début
instructor-permit-expiry = Fin du titre

## app/src/pages/instructor/dossier.rs
dossier-file-not-found = Dossier introuvable
dossier-no-file-services-has = Aucun dossier de vos services ne porte ce numéro.
dossier-back-queue = Retour à la file
dossier-recorded-file-now = Enregistré. État du dossier :
dossier-validity-must-stay-within = La validité doit rester dans les dates du contrat et dans la validité du titre de séjour.
dossier-valid-from = Valable du
dossier-yearly-hour-cap-printed = Plafond d'heures par an porté sur l'autorisation :{" "}
dossier-no-yearly-cap-job = Pas de plafond annuel : emploi dans le cadre du cursus.
dossier-what-missing-correct-sent = Ce qui manque ou est à corriger (envoyé au demandeur)
dossier-documents-provide-again = Pièces à fournir à nouveau
dossier-reason-refusal-sent-applicant = Motif du refus (envoyé au demandeur)
dossier-message-applicant-optional = Message au demandeur (facultatif)
dossier-revoke-authorisation = Retirer l'autorisation
dossier-reason-revoking-sent-applicant = Motif du retrait (envoyé au demandeur)
dossier-authorisation-issued = Autorisation délivrée
dossier-verification-code = Code de vérification :{" "}
dossier-revoked = retirée
dossier-authorisation-pdf = Autorisation (PDF)
dossier-write-applicant = Écrire au demandeur
dossier-message-sent-student-employer = Message (envoyé à l'étudiant et à l'employeur)
dossier-send = Envoyer
dossier-eligibility-recomputed = Éligibilité recalculée
dossier-optional = (facultatif)
dossier-no-file = Aucun fichier.
dossier-applicant = demandeur
dossier-message = message
dossier-authorisation-revoked = autorisation retirée
dossier-departement = département{" "}
dossier-filed = déposé le{" "}
dossier-employer = employeur :{" "}
dossier-decision = Décision
dossier-closed-file-no-action = Dossier clos : aucune action possible.
dossier-history = Historique
dossier-open-pdf-new-tab = Ouvrir le PDF dans un nouvel onglet
dossier-pdf-preview = Aperçu du PDF :{" "}

## app/src/pages/instructor/admin.rs
admin-instruction-services-departements = Services instructeurs et départements
admin-services = Services
admin-code = Code
admin-name = Nom
admin-e-mail = Courriel
admin-departements-open-bold = Départements (ouverts en gras)
admin-create-rename-service = Créer ou renommer un service
admin-code-e-g-moe = Code (ex. moe-lyon)
admin-service-e-mail = Courriel du service
admin-save-service = Enregistrer le service
admin-assign-open-departement = Rattacher et ouvrir un département
admin-departement-e-g-69 = Département (ex. 69, 2A, 974)
admin-service = Service
admin-none = Aucun
admin-open-online-requests = Ouvert aux demandes en ligne
admin-save-departement = Enregistrer le département
admin-staff = Agents
admin-role = Rôle
admin-active = Actif
admin-yes = oui
admin-no = non
admin-create-update-staff-member = Créer ou modifier un agent
admin-existing-staff-member-found = Un agent existant est retrouvé par son adresse ; laissez le mot de passe vide pour le garder.
admin-password-12-characters-more = Mot de passe (12 caractères ou plus)
admin-active-account = Compte actif
admin-save-staff-member = Enregistrer l'agent
admin-e-mails = Courriels
admin-latest-e-mails-utc = Derniers courriels (heure UTC)
admin-queued = Créé le
admin-to = Destinataires
admin-subject = Objet
admin-tries = Essais
admin-sent-next-try-last = Envoyé le, ou prochain essai et dernière erreur

## server/src/instruction/xlsx.rs
xlsx-number = Numéro
xlsx-student = Étudiant·e
xlsx-residence-permit-ends = Fin du titre de séjour
xlsx-filed-paris-time = Déposé le (heure de Paris)

## Sentences with values: { $name } is given by the code; a plural chooses its variant by
## the number (CLDR categories).
model-fields-to-correct =
    { $n ->
        [one] Un champ est à corriger.
       *[other] { $n } champs sont à corriger.
    }
model-access-locked =
    { $minutes ->
        [one] Trop d'essais : l'accès est bloqué pendant { $minutes } minute. Réessayez ensuite, ou demandez un nouveau code.
       *[other] Trop d'essais : l'accès est bloqué pendant { $minutes } minutes. Réessayez ensuite, ou demandez un nouveau code.
    }
model-step-not-reached = Complétez d'abord l'étape { $step } : les étapes se remplissent dans l'ordre.
model-departement-closed = Le département { $departement } n'est pas encore ouvert sur ce service : déposez la demande sur le portail ANEF (administration-etrangers-en-france.interieur.gouv.fr).
model-documents-missing =
    { $n ->
        [one] Il manque { $n } pièce obligatoire.
       *[other] Il manque { $n } pièces obligatoires.
    }
model-illegal-transition = Action impossible : « { $action } » ne s'applique pas à un dossier « { $state } ».
model-rate-limited =
    { $minutes ->
        [one] Trop d'essais : réessayez dans { $minutes } minute.
       *[other] Trop d'essais : réessayez dans { $minutes } minutes.
    }
model-too-many-rows = Cette liste compte { $rows } dossiers : une feuille Excel n'en contient que { $max }. Exportez-la en CSV, sans limite de lignes, ou resserrez les filtres.
request-code-sent = Un courriel avec un code à 6 chiffres part vers { $email } ; il arrive en général en moins d'une minute. Le code est valable 14 jours.
request-step-of-six = Étape { $step } sur 6
steps-signed-in-as = Connecté : { $email }
steps-answers-to-correct =
    { $n ->
        [one] Une réponse est à corriger
       *[other] { $n } réponses sont à corriger
    }
steps-routed-to = Département { $departement } : la demande sera instruite par { $service }.
steps-departement-elsewhere = Le département { $departement } n'est pas encore ouvert sur ce service : la demande se dépose sur le site de l'administration numérique des étrangers en France (ANEF).
steps-documents-still-missing =
    { $n ->
        [one] Encore { $n } pièce obligatoire à joindre avant de continuer.
       *[other] Encore { $n } pièces obligatoires à joindre avant de continuer.
    }
instructor-queue-total =
    { $n ->
        [one] { $n } dossier — les plus urgents d'abord (début du contrat, puis fin du titre de séjour)
       *[other] { $n } dossiers — les plus urgents d'abord (début du contrat, puis fin du titre de séjour)
    }

## E-mails (server/src/documents/notify.rs). A blank line in a text is a blank line in the e-mail.
mail-request-started-on = demande commencée le { $date }
mail-signature =
    Work in France, le service en ligne des autorisations de travail des étudiants étrangers.
    Ce message est envoyé automatiquement : n'y répondez pas, écrivez depuis la page de suivi.
mail-access-code-subject = Votre code d'accès Work in France
mail-access-code-body =
    Bonjour,

    Votre code d'accès : { $code }

    Saisissez-le avec votre adresse électronique sur { $url }/acces pour commencer votre demande d'autorisation de travail, puis pour la reprendre ou la suivre. Il est valable 14 jours.

    Ou ouvrez votre demande directement, une fois, par ce lien :
    { $link }

    Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.
mail-new-codes-subject = Vos nouveaux codes d'accès Work in France
mail-new-codes-body =
    Bonjour,

    Voici vos nouveaux codes d'accès (les précédents ne fonctionnent plus), chacun avec un lien qui ouvre la demande une fois :
    { $codes }

    Saisissez-les avec votre adresse sur { $url }/acces. Ils sont valables 14 jours.
mail-submitted-subject = Demande { $number } déposée
mail-submitted-body =
    Bonjour,

    La demande d'autorisation de travail { $number } est déposée. Elle est transmise à : { $service }.
    Le récépissé de dépôt est joint à ce message. Vous serez informé par courriel de chaque étape : prise en charge, demande de compléments, décision.
mail-submitted-follow-with-code =
    Pour suivre ce dossier, saisissez votre adresse et le code { $code } sur { $url }/acces (valable 14 jours), ou ouvrez-le une fois par ce lien :
    { $link }
mail-submitted-follow = Suivez-le sur { $url }/suivi.
mail-state-changed-subject = Dossier { $number } : { $state }
mail-state-changed-body =
    Bonjour,

    Le dossier { $number } est maintenant : { $state }.
mail-message-from-service = Message du service instructeur :
mail-details-next-steps = Détails et prochaines étapes : { $url }/suivi
mail-message-subject = Dossier { $number } : nouveau message
mail-message-body =
    Bonjour,

    Le service instructeur vous écrit au sujet du dossier { $number } :

    { $message }

    Répondez depuis la page de suivi : { $url }/suivi
mail-revoked-subject = Dossier { $number } : autorisation retirée
mail-revoked-body =
    Bonjour,

    L'autorisation de travail du dossier { $number } est retirée. Elle ne permet plus de travailler.

    Motif :
    { $reason }

    Détails : { $url }/suivi

## The public API's own errors (server/src/http/api.rs).
api-malformed-json = Le corps de la requête n'est pas un JSON valide.

## The language menu, and the line under each translated page.
language-menu-title = Choisir la langue
translation-notice = Traduction proposée pour vous aider : seul le texte en français fait foi. Cette traduction n'a pas encore été relue par un traducteur assermenté.
