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
