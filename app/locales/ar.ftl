## Interface sentences (was app/src/i18n/ui.rs). A key is the Rust name in kebab case:
## `home-step1-title` is `Msg::HomeStep1Title`. Every file has every key, with the same
## `{ $variables }` (checked as the crate is built, and by `cargo test`).

meta-description = اعرف ما إذا كان الطالب الأجنبي يحتاج إلى ترخيص عمل، واطلبه عبر الإنترنت، وتابع ملفه.
tagline = ترخيص العمل للطلاب الأجانب
home-link-title = الصفحة الرئيسية – Work in France
skip-links-label = وصول سريع
skip-to-content = المحتوى
skip-to-footer = تذييل الصفحة
main-menu = القائمة الرئيسية
menu-button = القائمة
nav-home = الصفحة الرئيسية
nav-eligibility = هل أحتاج إلى ترخيص؟
nav-request = تقديم طلب
nav-follow = استئناف طلب أو متابعته
footer-description = يساعد Work in France الطلابَ الأجانب وأصحاب عملهم على معرفة ما إذا كان ترخيص العمل ضروريًا، وعلى طلبه ومتابعة الملف. القواعد المطبَّقة هي قواعد القانون الساري.
accessibility-status = إمكانية الوصول: مطابقة جزئية
footer-api = واجهة API العامة (OpenAPI)
footer-verify = التحقق من ترخيص
footer-stats = الإحصائيات
footer-instructors = فضاء موظفي الدراسة
footer-licence = ما لم يُذكر خلاف ذلك، يخضع محتوى هذا الموقع لرخصة etalab-2.0.

home-title = الصفحة الرئيسية
home-heading = العمل أثناء الدراسة في فرنسا
home-lead = طالبًا أجنبيًا كنت أو صاحب عمل: تحقّق في دقيقة واحدة مما إذا كان ترخيص العمل ضروريًا، وما الوثائق التي يجب تحضيرها، وكم ساعة يُسمح بها.
home-cta = تحقّق مما إذا كان الترخيص ضروريًا
home-step1-title = 1. التحقق
home-step1-text = تكفي بضعة أسئلة عن الجنسية وتصريح الإقامة والعقد: يظهر الجواب فورًا، مع القاعدة التي يستند إليها.
home-step2-title = 2. الإيداع
home-step2-text = يحلّ الطلب عبر الإنترنت، في ست خطوات ونحو عشر دقائق، محلَّ الاستمارة الورقية: وثائق مرفقة، ووصل إيداع فوري.
home-step3-title = 3. المتابعة
home-step3-text = تُرسَل كل مرحلة من مراحل الملف بالبريد الإلكتروني إلى الطالب وصاحب العمل، اللذين يتابعانه عبر الإنترنت برمز الدخول الخاص بهما.
home-request-cta = تقديم طلب
home-law-title = القانون الساري
home-law-text = منذ 1 أبريل 2021، أصبح «الترخيص المؤقت بالعمل» (APT) ترخيصَ عمل عاديًا، يطلبه صاحب العمل من محافظ (préfet) المقاطعة (département) التي توجد فيها المؤسسة المشغِّلة. تطبّق هذه الخدمة هذه القواعد ومقاديرها السارية.

eligibility-title = هل أحتاج إلى ترخيص عمل؟
eligibility-lead = أجب عن الأسئلة: يتحدّث الجواب مع كل إجابة. لا تُحفَظ أي بيانات.
nationality-label = جنسية الطالب
nationality-placeholder = اختر جنسية
permit-legend = تصريح إقامة الطالب
permit-hint = كما هو مدوَّن في التصريح أو التأشيرة.
contract-label = نوع العقد
contract-placeholder = اختر نوع العقد
hours-label = ساعات العمل خلال 12 شهرًا
hours-hint = مجموع كل الوظائف، بما فيها هذه الوظيفة، خلال الأشهر الـ12 التي تلي إصدار التصريح. مثلًا: 500 أو 803.5.
curriculum-legend = هل تُعدّ الوظيفة جزءًا من المسار الدراسي؟
curriculum-hint = مثلًا وظيفة يشترطها البرنامج الدراسي أو مرتبطة بالشهادة المُحضَّرة.
curriculum-by-nature = هذا النوع من العقود جزء من المسار الدراسي بطبيعته.
profession-label = مهنة منظَّمة
profession-hint = تتطلب بعض المهن إثباتًا للأهلية أو رخصةً لدى صاحب العمل.
profession-placeholder = اختر إجابة
no-regulated-profession = لا شيء
filed-by-legend = من يودِع الطلب؟
renewal-label = سبق أن صدر ترخيص لهذه الوظيفة نفسها (تجديد)
yes = نعم
no = لا
see-result = عرض النتيجة
result-heading = النتيجة
result-waiting = أجب عن الأسئلة: تظهر النتيجة هنا.
result-fix-answers = بعض الإجابات ناقصة أو تحتاج إلى تصحيح:
legal-basis = الأساس القانوني:
cap-label = الحد الأقصى السنوي:
hours-per-year = ساعة خلال 12 شهرًا
obligations-heading = التزام صاحب العمل
documents-heading = الوثائق الواجب تحضيرها
optional-documents-heading = وثائق مفيدة (اختيارية)
documents-format = لكل وثيقة، من 1 إلى 3 ملفات PDF أو JPEG أو PNG، لا يتجاوز حجم كل منها 10 ميغابايت.
rules-in-force = القواعد السارية بتاريخ
not-a-decision = هذا الجواب للإعلام فقط ولا يُعدّ قرارًا: الإدارة وحدها هي التي تقرّر.

accessibility-title = بيان إمكانية الوصول
accessibility-intro = يلتزم Work in France بجعل خدمته في متناول الجميع وفقًا للمادة 47 من القانون رقم 2005-102 المؤرخ في 11 فبراير 2005.
accessibility-status-heading = حالة المطابقة
accessibility-status-text = خدمة Work in France مطابقة جزئيًا للمرجع العام لتحسين إمكانية الوصول (RGAA 4.1): لم يُجرَ أي تدقيق حتى الآن.
accessibility-done-heading = ما تم إنجازه
accessibility-done-text = روابط التخطي، وتركيز مرئي، واستمارات ذات تسميات مع الإعلان عن أخطائها، وصفحات قابلة للاستخدام دون JavaScript، ونسخة إنجليزية كاملة.
accessibility-contact-heading = الإبلاغ عن خلل
accessibility-contact-text = إذا تعذّر عليك الوصول إلى محتوى أو وظيفة ما، فاكتب إلينا على contact@workinfrance.beta.gouv.fr: سنجيبك ونقترح عليك بديلًا.

not-found-title = الصفحة غير موجودة
not-found-text = الصفحة المطلوبة غير موجودة أو نُقلت إلى مكان آخر.

## app/src/i18n/domain.rs
domain-file = إيداع
domain-take-review = بدء الدراسة
domain-request-changes = طلب استكمالات
domain-grant-authorisation = منح الترخيص
domain-refuse = رفض
domain-close-without-action = الحفظ دون متابعة
domain-process = للمعالجة
domain-review = قيد الدراسة
domain-waiting-applicant = في انتظار مقدّم الطلب
domain-decided = تم البتّ فيها
domain-instructor = موظف دراسة
domain-administrator = مشرف
domain-valid-authorisation = ترخيص صالح
domain-authorisation-not-yet-force = ترخيص لم يدخل حيّز التنفيذ بعد
domain-expired-authorisation = ترخيص منتهي الصلاحية
domain-revoked-authorisation = ترخيص مسحوب
domain-draft = مسودة
domain-filed = مودَع
domain-under-review = قيد الدراسة
domain-changes-requested = استكمالات مطلوبة
domain-authorisation-granted = ترخيص ممنوح
domain-refused = مرفوض
domain-closed-without-action = محفوظ دون متابعة
domain-finish-file-request = أكمِل الطلب وأودِعه.
domain-instruction-service-will-check = ستتحقق المصلحة المكلفة بالدراسة من اكتمال الملف، ثم تدرسه.
domain-file-complete-under-review = الملف مكتمل وقيد الدراسة: سيُرسَل إليك القرار بالبريد الإلكتروني.
domain-send-documents-details-asked = أرسل الوثائق أو التوضيحات المطلوبة أدناه: سيعود الملف حينئذٍ إلى المصلحة.
domain-authorisation-granted-download-give = تم منح الترخيص: نزّله وسلّمه إلى صاحب العمل.
domain-request-refused-reason-given = رُفض الطلب للسبب المذكور. يمكن الطعن في القرار خلال شهرين.
domain-file-closed = أُغلق الملف.
domain-residence-card-vls-ts = بطاقة إقامة أو VLS-TS «طالب»
domain-residence-card-student-mobility = بطاقة إقامة «طالب – برنامج تنقّل»
domain-temporary-long-stay-student = تأشيرة إقامة طويلة مؤقتة «طالب» (6 أشهر على الأكثر)
domain-algerian-student-residence-certificate = شهادة إقامة جزائرية «طالب»
domain-another-permit-none = تصريح آخر أو بدون تصريح
domain-ordinary-employment-contract-permanent = عقد عمل عادي (CDI غير محدد المدة، أو CDD محدد المدة، أو عمل مؤقت)
domain-apprenticeship-contract = عقد تمهين
domain-professionalisation-contract = عقد تأهيل مهني
domain-cifre-industrial-research-training = CIFRE (اتفاقية صناعية للتكوين عن طريق البحث)
domain-ater-temporary-teaching-research = ATER (ملحق مؤقت للتعليم والبحث)
domain-medical-intern-ffi-dfms = طبيب داخلي (FFI، DFMS/DFMSA)
domain-doctoral-contract = عقد دكتوراه
domain-internship-under-internship-agreement = تدريب بموجب اتفاقية تدريب
domain-trainee-chartered-accountant = خبير محاسب متدرّب
domain-security-agent = حارس أمن
domain-statutory-auditor = مراجع حسابات قانوني
domain-trainee-lawyer = محامٍ متدرّب
domain-notary = موثّق
domain-architect = مهندس معماري
domain-medical-profession = مهنة طبية
domain-model = عارض أزياء
domain-live-performer = فنان عروض حية
domain-employer = صاحب العمل
domain-student-employer-s-mandate = الطالب، بتفويض من صاحب العمل
domain-no-work-authorisation-needed = لا حاجة إلى ترخيص عمل
domain-work-authorisation-needed = ترخيص العمل ضروري
domain-job-cannot-authorised = لا يمكن الترخيص بهذه الوظيفة
domain-nationals-european-union-european = يعمل رعايا الاتحاد الأوروبي والمنطقة الاقتصادية الأوروبية وسويسرا في فرنسا بحرية، دون ترخيص.
domain-internship-under-internship-agreement-2 = التدريب بموجب اتفاقية تدريب ليس وظيفة: لا يتطلب ترخيص عمل، ولا تُحتسب ساعاته ضمن الحد الأقصى السنوي.
domain-service-students-holding-student = هذه الخدمة مخصصة للطلاب الحاصلين على تصريح إقامة «طالب». مع تصريح آخر، يتوقف الحق في العمل على هذا التصريح: استعلم لدى محافظتك (préfecture) أو على موقع ANEF.
domain-algerian-student-residence-certificate-2 = لا تسمح شهادة الإقامة الجزائرية «طالب» بالعمل دون ترخيص: يطلبه صاحب العمل قبل أول ساعة عمل. ويسمح الترخيص بالعمل حتى { $cap } ساعة في السنة (50% من مدة العمل السنوية).
domain-above-yearly-cap-job = بعد تجاوز الحد الأقصى السنوي، تظل الوظيفة التي تُعدّ جزءًا من مسارك الدراسي ممكنة، لكن يجب على صاحب العمل الحصول على ترخيص عمل قبل بداية العقد.
domain-above-cap-hours-year = بعد تجاوز { $cap } ساعة في السنة، لا يمكن للطالب الجزائري أن يعمل إلا في إطار مساره الدراسي. وبما أن هذه الوظيفة ليست جزءًا من دراستك، فلا يمكن الترخيص بها.
domain-temporary-long-stay-student-2 = لا تسمح تأشيرة الإقامة الطويلة المؤقتة «طالب» بالعمل دون ترخيص: يطلبه صاحب العمل قبل أول ساعة عمل، في حدود { $cap } ساعة.
domain-temporary-long-stay-student-3 = مع تأشيرة الإقامة الطويلة المؤقتة «طالب»، يقتصر العمل على { $cap } ساعة: وبعد تجاوزها، لا يمكن الترخيص بالوظيفة.
domain-apprenticeship-contract-registered-skills = عقد التمهين الذي سجّلته هيئة الكفاءات المهنية (OPCO) يقوم مقام ترخيص العمل: لا حاجة إلى أي طلب، ولا يسري أي حد أقصى للساعات على هذا العقد.
domain-student-residence-permit-may = بتصريح إقامة «طالب»، يمكنك العمل حتى { $cap } ساعة في السنة (60% من مدة العمل القانونية) دون ترخيص عمل.
domain-above-cap-hours-year-2 = بعد تجاوز { $cap } ساعة في السنة، لا يمكن الترخيص إلا بوظيفة تُعدّ جزءًا من مسارك الدراسي. وبما أن هذه الوظيفة ليست كذلك، فلا يمكن الترخيص بها بصفة طالب: تغيير الصفة إجراء آخر.
domain-employer-declares-hire-name = يصرّح صاحب العمل بالتوظيف تصريحًا اسميًا لدى محافظة المقاطعة التي توجد فيها المؤسسة، قبل بداية العقد بيومَي عمل على الأقل، حتى في غياب ترخيص العمل.
domain-passport-identity-pages = جواز السفر (صفحات الهوية)
domain-valid-residence-permit-vls = تصريح إقامة أو VLS-TS ساري الصلاحية (أو وصل التجديد)
domain-enrolment-certificate-current-year = شهادة التسجيل الدراسي للسنة الجارية
domain-employment-contract-promise-employment = عقد العمل أو وعد بالتوظيف
domain-employer-s-mandate-authorising = تفويض صاحب العمل الذي يأذن للطالب بإيداع الطلب
domain-cifre-contract = عقد CIFRE
domain-ater-contract-from-institution = عقد ATER صادر عن المؤسسة، مع تاريخ تولّي المهام
domain-appointment-order-certificate-installation = قرار التعيين أو شهادة التعيين، أو محضر التنصيب
domain-recruitment-certificate-duration-salary = شهادة التوظيف (المدة والراتب)
domain-certificate-from-head-department = شهادة من رئيس المصلحة
domain-dfms-dfmsa-enrolment-certificate = شهادة التسجيل في DFMS أو DFMSA
domain-proof-capacity-practise-regulated = إثبات الأهلية لممارسة المهنة المنظَّمة (شهادة من الهيئة المهنية، بطاقة مهنية…)
domain-employer-s-model-agency = رخصة وكالة عارضي الأزياء الخاصة بصاحب العمل (المادة L.7123-11)
domain-live-performance-entrepreneur-licence = رخصة متعهد العروض الحية (المادة L.7122-3) أو التصريح المسبق لدى DRAC
domain-previous-work-authorisation = ترخيص العمل السابق
domain-latest-payslips = آخر كشوف الراتب

## app/src/rules/error.rs
error-field-required = هذا الحقل إلزامي.
error-choose-one-values-offered = اختر إحدى القيم المقترحة.
error-value-does-not-have = صيغة هذه البيانات غير صالحة.
error-unknown-nationality-give-two = جنسية غير معروفة: أدخل رمز بلد ISO من حرفين (مثلًا SN).
error-enter-number-example-500 = أدخل عددًا (مثلًا 500 أو 803.5).
error-number-hours-cannot-negative = لا يمكن أن يكون عدد الساعات سالبًا.
error-year-has-most-8 = لا تتجاوز السنة 8784 ساعة: تحقّق من هذا العدد.
error-answer-yes-no = أجب بنعم أو لا.
error-algerian-student-residence-certificate = لا تُمنح شهادة الإقامة الجزائرية «طالب» إلا للمواطنين الجزائريين: تحقّق من الجنسية أو من التصريح.
error-enter-between-1-100 = أدخل ما بين 1 و100 حرف.
error-enter-valid-date-dd = أدخل تاريخًا صالحًا (يوم/شهر/سنة: dd/mm/yyyy).
error-date-birth-must-past = يجب أن يكون تاريخ الميلاد في الماضي.
error-person-must-between-16 = يجب أن يتراوح عمر الشخص بين 16 و80 سنة عند بداية العقد.
error-invalid-e-mail-address = عنوان بريد إلكتروني غير صالح (الصيغة المتوقعة: name@domain.com).
error-invalid-number-10-digits = رقم غير صالح: 10 أرقام (06 12 34 56 78) أو بالصيغة الدولية (+33 6 12 34 56 78).
error-siret-has-14-digits = يتكوّن رقم SIRET من 14 رقمًا.
error-siret-does-not-exist = رقم SIRET هذا غير موجود (مفتاح التحقق غير صحيح): تحقّق منه في إشعار الوضعية الصادر عن Insee.
error-postcode-has-5-digits = يتكوّن الرمز البريدي من 5 أرقام.
error-postcode-matches-no-departement = لا يطابق هذا الرمز البريدي أي مقاطعة.
error-territory-does-not-apply = لا يطبّق هذا الإقليم قانون العمل الفرنسي: توجّه إلى إدارته المحلية.
error-contract-must-end-after = يجب أن تكون نهاية العقد بعد بدايته.
error-permit-s-expiry-date = يجب أن يكون تاريخ انتهاء صلاحية التصريح لاحقًا لتاريخ إصداره.
error-residence-permit-must-valid = يجب أن يكون تصريح الإقامة ساري الصلاحية في تاريخ بداية العقد.
error-validity-must-end-after = يجب أن تكون نهاية الصلاحية بعد بدايتها.
error-authorisation-must-lie-within = يجب أن يبقى الترخيص ضمن تواريخ العقد.
error-authorisation-cannot-outlast-residence = لا يمكن أن يتجاوز الترخيص مدة صلاحية تصريح الإقامة.
error-enter-positive-gross-hourly = أدخل أجرًا إجماليًا موجبًا للساعة، باليورو.
error-gross-hourly-wage-must = يجب ألا يقل الأجر الإجمالي للساعة عن SMIC (الحد الأدنى للأجور) الساري عند بداية العقد.
error-enter-positive-number-weekly = أدخل مدة أسبوعية موجبة.
error-working-time-cannot-exceed = لا يمكن أن تتجاوز مدة العمل 48 ساعة في الأسبوع.
error-enter-between-1-200 = أدخل ما بين 1 و200 حرف.
error-permit-number-has-6 = يتكوّن رقم التصريح من 6 إلى 20 حرفًا ورقمًا (وهو مدوَّن على وجه البطاقة).
error-issue-date-cannot-future = لا يمكن أن يكون تاريخ الإصدار في المستقبل.
error-residence-permit-has-expired = انتهت صلاحية تصريح الإقامة هذا: أرفق وصل التجديد وأدخل تواريخه.
error-contract-cannot-start-before = لا يمكن أن يبدأ العقد قبل اليوم: الترخيص يسبق التوظيف.
error-give-end-date-only = أدخل تاريخ الانتهاء: وحده عقد العمل العادي غير محدد المدة (CDI) يمكن ألا يكون له تاريخ انتهاء.
error-access-code-has-6 = يتكوّن رمز الدخول من 6 أرقام.
error-say-whether-student-employer = حدّد ما إذا كنت الطالب أو صاحب العمل.
error-write-message-1-2 = اكتب رسالة من 1 إلى 2000 حرف.
error-verification-code-has-12 = يتكوّن رمز التحقق من 12 حرفًا ورقمًا، مثلًا 7KQ2-M9XD-4TPA.
error-password-has-12-128 = تتكوّن كلمة المرور من 12 إلى 128 حرفًا.
error-service-code-has-2 = يتكوّن رمز المصلحة من 2 إلى 32 حرفًا لاتينيًا صغيرًا أو رقمًا أو شرطة.

## app/src/model.rs
model-file-too-large-10 = الملف كبير جدًا: 10 ميغابايت على الأكثر.
model-file-not-pdf-jpeg = هذا الملف ليس ملف PDF ولا صورة JPEG أو PNG (تم التحقق من محتواه، لا من اسمه فقط).
model-3-files-most-per = 3 ملفات على الأكثر لكل وثيقة: احذف ملفًا أولًا.
model-file-empty = الملف فارغ.
model-document-not-expected-file = هذه الوثيقة غير مطلوبة في هذا الملف.
model-upload-failed-try-again = فشل الإرسال: أعد المحاولة.
model-file-s-documents-reach = بلغت وثائق هذا الملف 60 ميغابايت: احذف ملفًا أو صغّر حجمه (يكفي مسح ضوئي بدقة 150 dpi) قبل إضافة ملف آخر.
model-upload-took-too-long = استغرق الإرسال وقتًا طويلًا جدًا فتوقّف: أعد المحاولة، باتصال أفضل إن أمكن.
model-service-receiving-many-files = تتلقى الخدمة عددًا كبيرًا من الملفات حاليًا: أعد المحاولة بعد دقيقة.
model-several-files-already-being = يجري حاليًا إرسال عدة ملفات من اتصالك: انتظر وصولها، ثم أرسل هذا الملف.
model-files-sent-from-connection = بلغت الملفات المرسَلة من اتصالك إلى طلبات لم تُودَع بعد الحدَّ الأقصى: أودِع طلبًا مكتملًا، أو احذف بعض الملفات، قبل إرسال ملفات أخرى.
model-service-cannot-receive-files = لا تستطيع الخدمة تلقي الملفات في الوقت الحالي. ملفاتك المرسَلة سابقًا محفوظة: أعد المحاولة لاحقًا.
model-session-has-expired-enter = انتهت صلاحية جلستك: أدخل عنوانك ورمز الدخول من جديد.
model-wrong-address-access-code = العنوان أو رمز الدخول غير صحيح. بعد 5 محاولات، يُقفَل الدخول لمدة 15 دقيقة.
model-too-many-attempts-code = محاولات كثيرة جدًا: لم يعد هذا الرمز صالحًا. اطلب رمزًا جديدًا أدناه.
model-sign-link-no-longer = رابط تسجيل الدخول هذا لم يعد صالحًا (سبق استخدامه أو انتهت صلاحيته). أدخل عنوانك والرمز الذي تلقيته، أو اطلب رمزًا جديدًا.
model-file-filed-can-no = هذا الملف مودَع: لم يعد من الممكن تعديله. تابِعه من صفحة المتابعة.
model-no-authorisation-needed-case = لا حاجة إلى أي ترخيص في هذه الحالة: يتوقف الطلب هنا.
model-authorisation-cannot-granted-case = لا يمكن منح ترخيص في هذه الحالة: يتوقف الطلب هنا.
model-not-found = العنصر غير موجود.
model-file-changed-meantime-page = تغيّر الملف في الأثناء: أُعيد تحميل الصفحة، تحقّق وأعد المحاولة.
model-wrong-address-password-after = العنوان أو كلمة المرور غير صحيحة. بعد 5 محاولات، يُقفَل الحساب لمدة 15 دقيقة.
model-account-does-not-allow = لا يسمح حسابك بهذا الإجراء.
model-no-authorisation-matches-code = لا يوجد ترخيص يطابق هذا الرمز وتاريخ الميلاد هذا.
model-request-sent-was-incomplete = الطلب المرسَل غير مكتمل: أعد تحميل الصفحة وأعد المحاولة.
model-service-has-problem-nothing = تواجه الخدمة مشكلة: لم يُفقَد أي شيء، أعد المحاولة بعد لحظات.

## app/src/instruction.rs
instruction-queued = في انتظار الإرسال
instruction-sent = مُرسَل
instruction-failing-will-retry = فشل الإرسال، محاولة جديدة مبرمجة
instruction-given-up = تم التخلي عنه

## app/src/components/summary.rs
summary-employee = الموظف
summary-employer = صاحب العمل
summary-job-contract = الوظيفة والعقد
summary-documents = الوثائق الثبوتية
summary-summary = الملخص
summary-confirmation = التأكيد
summary-change = تعديل

## app/src/components/feedback.rs
feedback-session-has-expired-sign = انتهت صلاحية جلستك: سجّل الدخول من جديد.
feedback-sign = تسجيل الدخول
feedback-enter-my-access-code = إدخال رمز الدخول الخاص بي

## app/src/components/fields.rs
fields-unknown = الإجابة
fields-format-dd-mm-yyyy = الصيغة: يوم/شهر/سنة (dd/mm/yyyy).
fields-family-name = اسم العائلة
fields-given-names = الأسماء الشخصية
fields-date-birth = تاريخ الميلاد
fields-nationality = الجنسية
fields-residence-permit = تصريح الإقامة
fields-written-permit-visa = كما هو مدوَّن في التصريح أو التأشيرة.
fields-permit-number = رقم التصريح
fields-6-20-letters-digits = من 6 إلى 20 حرفًا ورقمًا، على وجه التصريح.
fields-permit-issue-date = تاريخ إصدار التصريح
fields-permit-expiry-date = تاريخ انتهاء صلاحية التصريح
fields-school-university = مؤسسة التعليم
fields-degree-studied = الشهادة المُحضَّرة
fields-year-study = السنة الدراسية
fields-example-l3-m1-2nd = مثلًا: L3، M1، السنة الثانية من الدكتوراه.
fields-address-france = العنوان في فرنسا
fields-postcode = الرمز البريدي
fields-town = البلدية
fields-student-s-e-mail = عنوان البريد الإلكتروني للطالب
fields-will-receive-each-step = ستصل إليه كل مرحلة من مراحل الملف.
fields-student-s-phone = هاتف الطالب
fields-06-12-34-56 = 06 12 34 56 78 أو +33 6 12 34 56 78.
fields-siret-employing-establishment = رقم SIRET للمؤسسة المشغِّلة
fields-14-digits-insee-notice = 14 رقمًا، في إشعار الوضعية الصادر عن Insee أو في كشف الراتب.
fields-company-name = الاسم التجاري للشركة
fields-establishment-s-address = عنوان المؤسسة
fields-establishment-s-postcode = الرمز البريدي للمؤسسة
fields-departement-decides-competent-service = تحدّد مقاطعتُها المصلحةَ المختصة (قانون العمل الفرنسي، المادة R.5221-15).
fields-establishment-s-town = بلدية المؤسسة
fields-contact-person = الشخص الذي يمكن الاتصال به
fields-employer-s-e-mail = عنوان البريد الإلكتروني لصاحب العمل
fields-employer-s-phone = هاتف صاحب العمل
fields-type-contract = نوع العقد
fields-contract-start = بداية العقد
fields-contract-end = نهاية العقد
fields-empty-open-ended-contract = اتركه فارغًا في حالة عقد CDI. الصيغة: يوم/شهر/سنة (dd/mm/yyyy).
fields-weekly-hours = المدة الأسبوعية (بالساعات)
fields-48-hours-most = 48 ساعة على الأكثر.
fields-gross-hourly-wage = الأجر الإجمالي للساعة (€)
fields-least-minimum-wage-force = لا يقل عن SMIC الساري عند بداية العقد.
fields-job-title = المسمى الوظيفي
fields-job-part-course-study = هل تُعدّ الوظيفة جزءًا من المسار الدراسي؟
fields-example-job-course-requires = مثلًا وظيفة يشترطها البرنامج الدراسي أو مرتبطة بالشهادة المُحضَّرة.
fields-regulated-profession = مهنة منظَّمة
fields-hours-worked-over-12 = ساعات العمل خلال 12 شهرًا
fields-all-jobs-together-one = مجموع كل الوظائف، بما فيها هذه الوظيفة، خلال الأشهر الـ12 التي تلي إصدار التصريح.
fields-renewal = التجديد
fields-authorisation-was-already-issued = سبق أن صدر ترخيص لهذه الوظيفة نفسها.

## app/src/pages/verify.rs
verify-check-work-authorisation = التحقق من ترخيص عمل
verify-enter-verification-code-printed = أدخل رمز التحقق المطبوع على الترخيص (أو المقروء من رمز QR الخاص به) وتاريخ ميلاد الطالب. لا تُعرَض إلا حالة الترخيص وبعض المعلومات.
verify-verification-code = رمز التحقق
verify-12-letters-digits-example = 12 حرفًا ورقمًا، مثلًا 7KQ2-M9XD-4TPA
verify-student-s-birth-date = تاريخ ميلاد الطالب
verify-check = تحقّق
verify-authorisation-no = الترخيص رقم{" "}
verify-student = الطالب:{" "}
verify-employer = صاحب العمل:{" "}
verify-valid-from = صالح من{" "}
verify-to = {" "}إلى{" "}

## app/src/pages/stats.rs
stats-statistics = الإحصائيات
stats-public-statistics = الإحصائيات العامة
stats-work-authorisation-requests-filed = طلبات ترخيص العمل المودَعة في هذه الخدمة، ومدة البتّ فيها. تُحدَّث باستمرار.
stats-loading = جارٍ التحميل…
stats-d = يوم
stats-chart-requests-filed-granted = رسم بياني: الطلبات المودَعة والممنوحة والمرفوضة شهريًا. الأرقام نفسها واردة في الجدول أدناه.
stats-filed = مودَعة
stats-granted = ممنوحة
stats-refused = مرفوضة
stats-month = الشهر
stats-departement = المقاطعة
stats-filed-2 = المودَعة
stats-granted-2 = الممنوحة
stats-refused-2 = المرفوضة
stats-median-time-decision = المدة الوسيطة للبتّ
stats-requests-filed = طلبات مودَعة
stats-authorisations-granted = تراخيص ممنوحة
stats-refusals = حالات رفض
stats-median-time-decision-2 = المدة الوسيطة للبتّ
stats-month-2 = حسب الشهر
stats-no-request-filed-yet = لم يُودَع أي طلب حتى الآن.
stats-month-month-filed = حسب الشهر (شهر الإيداع)
stats-departement-2 = حسب المقاطعة
stats-establishment-s-departement = حسب مقاطعة المؤسسة

## app/src/pages/accessibility.rs
accessibility-does-each-informative-image = هل لكل صورة حاملة لمعلومة بديل نصي؟
accessibility-contrast-between-text-background = هل التباين بين لون النص ولون خلفيته مرتفع بما يكفي؟
accessibility-each-data-table-cell = هل كل خلية من خلايا جدول البيانات مرتبطة بعناوينها؟
accessibility-does-each-link-have = هل لكل رابط تسمية؟
accessibility-each-script-compatible-assistive = هل كل برنامج نصي (script) متوافق مع التقنيات المساعدة؟
accessibility-can-each-script-operated = هل يمكن التحكم في كل برنامج نصي بلوحة المفاتيح؟
accessibility-each-page-s-default = هل اللغة الافتراضية لكل صفحة محدَّدة؟
accessibility-each-page-s-language = هل رمز اللغة لكل صفحة صالح؟
accessibility-does-each-page-have = هل لكل صفحة عنوان؟
accessibility-each-change-language-marked = هل كل تغيير في اللغة مُشار إليه في الشيفرة المصدرية؟
accessibility-does-each-form-field = هل لكل حقل في الاستمارة تسمية؟
accessibility-input-checking-used-appropriately = هل يُستخدَم التحقق من الإدخال بطريقة ملائمة؟ (ملخص للأخطاء يتلقى التركيز، وكل خطأ مرتبط بحقله)
accessibility-can-input-s-purpose = هل يمكن استنتاج الغرض من حقل الإدخال (السمة autocomplete)؟
accessibility-there-skip-link-main = هل يوجد رابط تخطٍّ نحو المحتوى الرئيسي؟
accessibility-tab-order-consistent = هل ترتيب التنقل بمفتاح Tab متّسق؟
accessibility-automated-axe-core = آلي (axe-core)
accessibility-keyboard-journey = تصفّح بلوحة المفاتيح
accessibility-automated-axe-core-keyboard = آلي (axe-core) وتصفّح بلوحة المفاتيح
accessibility-rgaa-4-1-criteria = معايير RGAA 4.1 التي يُتحقَّق منها في كل إصدار
accessibility-before-each-release-end = قبل كل نشر في بيئة الإنتاج، تمرّ الاختبارات الشاملة (من البداية إلى النهاية) عبر الخدمة في Chromium، على الحاسوب وعلى الهاتف: يتحقق فيها axe-core من كل صفحة معروضة وفق قواعد WCAG 2.1 بالمستويين A وAA، وتُنجَز بعض المسارات بلوحة المفاتيح وحدها (Tab، وShift+Tab، وEnter، ومفتاح المسافة، والأسهم). لم تُقيَّم المعايير الأخرى بعد.
accessibility-criteria-checked-how = المعايير التي تم التحقق منها والطريقة
accessibility-criterion = المعيار
accessibility-wording = الصياغة
accessibility-check = التحقق

## app/src/pages/request/mod.rs
request-start-request = بدء طلب
request-request-work-authorisation = طلب ترخيص عمل
request-six-steps-about-ten = ست خطوات، نحو عشر دقائق. يُحفَظ طلبك في كل خطوة: يمكنك استئنافه خلال 14 يومًا باستخدام الرمز الذي تتلقاه بالبريد الإلكتروني.
request-before-start = قبل أن تبدأ،{" "}
request-check-that-authorisation-needed = تحقّق من أن الترخيص ضروري
request-you-are = أنت
request-e-mail-address = عنوان بريدك الإلكتروني
request-access-code-will-sent = سيُرسَل إليه رمز الدخول.
request-send-me-access-code = استلام رمز الدخول الخاص بي
request-already-started = هل بدأت من قبل؟
request-resume-request-follow-file = استأنف طلبك أو تابع ملفك باستخدام عنوانك ورمز الدخول.
request-resume-follow = استئناف أو متابعة
request-access-my-request = الوصول إلى طلبي
request-if-address-has-request = إذا كان لهذا العنوان طلب، فستُرسَل إليه رسالة بريد إلكتروني تتضمن رمزًا جديدًا؛ وتصل عادةً في أقل من دقيقة.
request-e-mail-address-2 = عنوان البريد الإلكتروني
request-access-code = رمز الدخول
request-6-digits-received-e = 6 أرقام، تتلقاها بالبريد الإلكتروني.
request-continue = دخول
request-lost-expired-code = هل فقدت الرمز أو انتهت صلاحيته؟{" "}
request-get-new-code = استلام رمز جديد
request-start-new-request = بدء طلب جديد
request-open-my-request = فتح طلبي
request-followed-link-received-e = لقد فتحت الرابط الذي تلقيته بالبريد الإلكتروني. اضغط على الزر لفتح طلبك في هذا المتصفح. لا يُستخدَم الرابط إلا مرة واحدة.
request-use-my-address-code = استخدام عنواني ورمزي بدلًا من ذلك
request-next-step = الخطوة التالية:{" "}
request-sign-out = تسجيل الخروج

## app/src/pages/request/steps.rs
steps-mb = ميغابايت
steps-kb = كيلوبايت
steps-resume-request-follow-file = لاستئناف طلبك أو متابعة ملفك، أدخل عنوان بريدك الإلكتروني ورمز الدخول المكوَّن من ستة أرقام الذي تلقيته بالبريد الإلكتروني.
steps-lost-old-code-same = هل فقدت الرمز أو أصبح قديمًا جدًا؟ في الصفحة نفسها، يُرسل زر «استلام رمز جديد» رمزًا إلى عنوان الطلب.
steps-file-filed-follow-from = هذا الملف مودَع: تابِعه من صفحة المتابعة.
steps-follow-my-file = متابعة ملفي
steps-work-authorisation-request = طلب ترخيص عمل
steps-all-fields-required-unless = جميع الحقول إلزامية، ما لم يُذكر خلاف ذلك.
steps-previous-step = الخطوة السابقة
steps-save-continue = الحفظ والمتابعة
steps-draft-kept-14-days = تُحفَظ المسودة لمدة 14 يومًا بعد آخر حفظ.
steps-apply-anef = الإيداع على ANEF
steps-see-explanation-rule-applied = عرض الشرح والقاعدة المطبَّقة
steps-select-answer = اختر إجابة
steps-each-document-1-3 = لكل وثيقة، من 1 إلى 3 ملفات PDF أو JPEG أو PNG، لا يتجاوز حجم كل منها 10 ميغابايت. يُتحقَّق من النوع انطلاقًا من محتوى الملف.
steps-continue-summary = المتابعة إلى الملخص
steps-optional = {" "}(اختياري)
steps-remove = إزالة
steps-add-file = إضافة ملف
steps-pdf-jpeg-png-10 = PDF أو JPEG أو PNG، بحجم 10 ميغابايت على الأكثر.
steps-upload = إرسال
steps-uploading = جارٍ الإرسال
steps-filing-request-certify-that = بإيداعك الطلب، تشهد بصحة المعلومات المقدَّمة. لن يكون من الممكن تعديل الملف بعد ذلك، إلا بطلب من المصلحة المكلفة بالدراسة.
steps-file-request = إيداع الطلب
steps-request-filed = تم إيداع الطلب
steps-file-number = رقم الملف:{" "}
steps-deposit-receipt-way-e = وصل الإيداع في طريقه بالبريد الإلكتروني إلى الطالب وصاحب العمل؛ ويصل عادةً في أقل من دقيقة. يمكن لكل منهما متابعة الملف باستخدام عنوانه ورمز دخول.
steps-download-receipt-pdf = تنزيل الوصل (PDF)
steps-request-not-filed-yet = لم يُودَع هذا الطلب بعد.
steps-resume-request = استئناف الطلب
steps-file-follow-up = متابعة الملف
steps-file = الملف{" "}
steps-instruction-service = المصلحة المكلفة بالدراسة:{" "}
steps-deposit-receipt-pdf = وصل الإيداع (PDF)
steps-work-authorisation-pdf = ترخيص العمل (PDF)
steps-documents-asked = الوثائق المطلوبة
steps-send-file-back-service = إعادة إرسال الملف إلى المصلحة
steps-history-messages = السجل والرسائل
steps-you = أنت
steps-instruction-service-2 = المصلحة المكلفة بالدراسة
steps-write-instruction-service = الكتابة إلى المصلحة المكلفة بالدراسة
steps-send-message = إرسال الرسالة

## app/src/pages/instructor/mod.rs
instructor-instructor-area = فضاء موظفي الدراسة
instructor-sign-reach-instructor-area = سجّل الدخول للوصول إلى فضاء موظفي الدراسة.
instructor-file-queue = قائمة الملفات
instructor-administration = الإدارة
instructor-instructor-sign = تسجيل دخول موظفي الدراسة
instructor-staff-foreign-labour-services = مخصص لموظفي مصالح اليد العاملة الأجنبية. يتابع الطلاب وأصحاب العمل ملفهم برمز الدخول الخاص بهم.
instructor-work-e-mail-address = عنوان البريد الإلكتروني المهني
instructor-password = كلمة المرور
instructor-state = الحالة
instructor-all = الكل
instructor-pagination = ترقيم الصفحات
instructor-previous = السابقة
instructor-next = التالية
instructor-file-number-name-siret = رقم الملف أو الاسم أو SIRET
instructor-contract = العقد
instructor-contract-start-from = بداية العقد، من
instructor-to = إلى
instructor-filter = تصفية
instructor-clear = مسح
instructor-export-csv = تصدير بصيغة CSV
instructor-export-xlsx-excel = تصدير بصيغة XLSX (Excel)
instructor-no-file-matches = لا يوجد ملف مطابق.
instructor-files = الملفات
instructor-file = الملف
instructor-student = الطالب
instructor-siret = SIRET
instructor-start = البداية
instructor-permit-expiry = انتهاء التصريح

## app/src/pages/instructor/dossier.rs
dossier-file-not-found = الملف غير موجود
dossier-no-file-services-has = لا يحمل أي ملف من ملفات مصالحك هذا الرقم.
dossier-back-queue = العودة إلى القائمة
dossier-recorded-file-now = تم الحفظ. حالة الملف:
dossier-validity-must-stay-within = يجب أن تبقى الصلاحية ضمن تواريخ العقد وضمن مدة صلاحية تصريح الإقامة.
dossier-valid-from = صالح من
dossier-yearly-hour-cap-printed = الحد الأقصى السنوي للساعات المدوَّن في الترخيص:{" "}
dossier-no-yearly-cap-job = لا يوجد حد أقصى سنوي: وظيفة في إطار المسار الدراسي.
dossier-what-missing-correct-sent = ما هو ناقص أو يحتاج إلى تصحيح (يُرسَل إلى مقدّم الطلب)
dossier-documents-provide-again = الوثائق الواجب تقديمها من جديد
dossier-reason-refusal-sent-applicant = سبب الرفض (يُرسَل إلى مقدّم الطلب)
dossier-message-applicant-optional = رسالة إلى مقدّم الطلب (اختياري)
dossier-revoke-authorisation = سحب الترخيص
dossier-reason-revoking-sent-applicant = سبب السحب (يُرسَل إلى مقدّم الطلب)
dossier-authorisation-issued = الترخيص الصادر
dossier-verification-code = رمز التحقق:{" "}
dossier-revoked = مسحوب
dossier-authorisation-pdf = الترخيص (PDF)
dossier-write-applicant = الكتابة إلى مقدّم الطلب
dossier-message-sent-student-employer = الرسالة (تُرسَل إلى الطالب وصاحب العمل)
dossier-send = إرسال
dossier-eligibility-recomputed = أُعيد حساب الأهلية
dossier-optional = (اختياري)
dossier-no-file = لا يوجد أي ملف.
dossier-applicant = مقدّم الطلب
dossier-message = رسالة
dossier-authorisation-revoked = سُحب الترخيص
dossier-departement = المقاطعة{" "}
dossier-filed = أُودِع بتاريخ{" "}
dossier-employer = صاحب العمل:{" "}
dossier-decision = القرار
dossier-closed-file-no-action = ملف مغلق: لا يمكن القيام بأي إجراء.
dossier-history = السجل
dossier-open-pdf-new-tab = فتح ملف PDF في علامة تبويب جديدة
dossier-pdf-preview = معاينة ملف PDF:{" "}

## app/src/pages/instructor/admin.rs
admin-instruction-services-departements = المصالح المكلفة بالدراسة والمقاطعات
admin-services = المصالح
admin-code = الرمز
admin-name = الاسم
admin-e-mail = البريد الإلكتروني
admin-departements-open-bold = المقاطعات (المفتوحة بخط عريض)
admin-create-rename-service = إنشاء مصلحة أو إعادة تسميتها
admin-code-e-g-moe = الرمز (مثلًا moe-lyon)
admin-service-e-mail = البريد الإلكتروني للمصلحة
admin-save-service = حفظ المصلحة
admin-assign-open-departement = إلحاق مقاطعة وفتحها
admin-departement-e-g-69 = المقاطعة (مثلًا 69، 2A، 974)
admin-service = المصلحة
admin-none = لا شيء
admin-open-online-requests = مفتوحة للطلبات عبر الإنترنت
admin-save-departement = حفظ المقاطعة
admin-staff = الموظفون
admin-role = الدور
admin-active = نشط
admin-yes = نعم
admin-no = لا
admin-create-update-staff-member = إنشاء موظف أو تعديل بياناته
admin-existing-staff-member-found = يُتعرَّف على الموظف الموجود من خلال عنوانه؛ اترك كلمة المرور فارغة للاحتفاظ بها.
admin-password-12-characters-more = كلمة المرور (12 حرفًا أو أكثر)
admin-active-account = حساب نشط
admin-save-staff-member = حفظ الموظف
admin-e-mails = رسائل البريد الإلكتروني
admin-latest-e-mails-utc = آخر رسائل البريد الإلكتروني (بتوقيت UTC)
admin-queued = تاريخ الإنشاء
admin-to = المرسَل إليهم
admin-subject = الموضوع
admin-tries = المحاولات
admin-sent-next-try-last = تاريخ الإرسال، أو المحاولة التالية وآخر خطأ

## server/src/instruction/xlsx.rs
xlsx-number = الرقم
xlsx-student = الطالب/الطالبة
xlsx-residence-permit-ends = نهاية تصريح الإقامة
xlsx-filed-paris-time = تاريخ الإيداع (بتوقيت باريس)

## Sentences with values: { $name } is given by the code; a plural chooses its variant by
## the number (CLDR categories).
model-fields-to-correct =
    { $n ->
        [zero] لا يوجد أي حقل يحتاج إلى تصحيح.
        [one] حقل واحد يحتاج إلى تصحيح.
        [two] حقلان يحتاجان إلى تصحيح.
        [few] { $n } حقول بحاجة إلى تصحيح.
        [many] { $n } حقلًا بحاجة إلى تصحيح.
       *[other] { $n } حقل بحاجة إلى تصحيح.
    }
model-access-locked =
    { $minutes ->
        [one] محاولات كثيرة جدًا: الدخول مقفل لمدة دقيقة واحدة. أعد المحاولة بعد ذلك، أو اطلب رمزًا جديدًا.
        [two] محاولات كثيرة جدًا: الدخول مقفل لمدة دقيقتين. أعد المحاولة بعد ذلك، أو اطلب رمزًا جديدًا.
        [few] محاولات كثيرة جدًا: الدخول مقفل لمدة { $minutes } دقائق. أعد المحاولة بعد ذلك، أو اطلب رمزًا جديدًا.
        [many] محاولات كثيرة جدًا: الدخول مقفل لمدة { $minutes } دقيقة. أعد المحاولة بعد ذلك، أو اطلب رمزًا جديدًا.
       *[other] محاولات كثيرة جدًا: الدخول مقفل لمدة { $minutes } دقيقة. أعد المحاولة بعد ذلك، أو اطلب رمزًا جديدًا.
    }
model-step-not-reached = أكمِل الخطوة { $step } أولًا: تُملأ الخطوات بالترتيب.
model-departement-closed = لم تُفتَح المقاطعة { $departement } بعد في هذه الخدمة: أودِع الطلب على بوابة ANEF (administration-etrangers-en-france.interieur.gouv.fr).
model-documents-missing =
    { $n ->
        [zero] لا تنقص أي وثيقة إلزامية.
        [one] تنقص وثيقة إلزامية واحدة.
        [two] تنقص وثيقتان إلزاميتان.
        [few] تنقص { $n } وثائق إلزامية.
        [many] تنقص { $n } وثيقة إلزامية.
       *[other] تنقص { $n } وثيقة إلزامية.
    }
model-illegal-transition = إجراء غير ممكن: «{ $action }» لا ينطبق على ملف حالته «{ $state }».
model-rate-limited =
    { $minutes ->
        [one] محاولات كثيرة جدًا: أعد المحاولة بعد دقيقة واحدة.
        [two] محاولات كثيرة جدًا: أعد المحاولة بعد دقيقتين.
        [few] محاولات كثيرة جدًا: أعد المحاولة بعد { $minutes } دقائق.
        [many] محاولات كثيرة جدًا: أعد المحاولة بعد { $minutes } دقيقة.
       *[other] محاولات كثيرة جدًا: أعد المحاولة بعد { $minutes } دقيقة.
    }
model-too-many-rows = تضم هذه القائمة { $rows } من الملفات، في حين لا تتسع ورقة Excel إلا لـ{ $max }. صدّرها بصيغة CSV، دون حد لعدد الأسطر، أو ضيّق نطاق التصفية.
request-code-sent = رسالة بريد إلكتروني تتضمن رمزًا من 6 أرقام في طريقها إلى { $email }؛ وتصل عادةً في أقل من دقيقة. الرمز صالح لمدة 14 يومًا.
request-step-of-six = الخطوة { $step } من 6
steps-signed-in-as = مسجَّل الدخول: { $email }
steps-answers-to-correct =
    { $n ->
        [zero] لا توجد أي إجابة تحتاج إلى تصحيح
        [one] إجابة واحدة تحتاج إلى تصحيح
        [two] إجابتان تحتاجان إلى تصحيح
        [few] { $n } إجابات بحاجة إلى تصحيح
        [many] { $n } إجابة بحاجة إلى تصحيح
       *[other] { $n } إجابة بحاجة إلى تصحيح
    }
steps-routed-to = المقاطعة { $departement }: ستتولى دراسة الطلب الجهة التالية: { $service }.
steps-departement-elsewhere = لم تُفتَح المقاطعة { $departement } بعد في هذه الخدمة: يُودَع الطلب على موقع الإدارة الرقمية للأجانب في فرنسا (ANEF).
steps-documents-still-missing =
    { $n ->
        [one] ما زال يجب إرفاق وثيقة إلزامية واحدة قبل المتابعة.
        [two] ما زال يجب إرفاق وثيقتين إلزاميتين قبل المتابعة.
        [few] ما زال يجب إرفاق { $n } وثائق إلزامية قبل المتابعة.
        [many] ما زال يجب إرفاق { $n } وثيقة إلزامية قبل المتابعة.
       *[other] ما زال يجب إرفاق { $n } وثيقة إلزامية قبل المتابعة.
    }
instructor-queue-total =
    { $n ->
        [one] ملف واحد — الأكثر استعجالًا أولًا (بداية العقد، ثم انتهاء صلاحية تصريح الإقامة)
        [two] ملفان — الأكثر استعجالًا أولًا (بداية العقد، ثم انتهاء صلاحية تصريح الإقامة)
        [few] { $n } ملفات — الأكثر استعجالًا أولًا (بداية العقد، ثم انتهاء صلاحية تصريح الإقامة)
        [many] { $n } ملفًا — الأكثر استعجالًا أولًا (بداية العقد، ثم انتهاء صلاحية تصريح الإقامة)
       *[other] { $n } ملف — الأكثر استعجالًا أولًا (بداية العقد، ثم انتهاء صلاحية تصريح الإقامة)
    }

## E-mails (server/src/documents/notify.rs). A blank line in a text is a blank line in the e-mail.
mail-request-started-on = طلب بُدئ بتاريخ { $date }
mail-signature =
    Work in France، الخدمة الإلكترونية لتراخيص عمل الطلاب الأجانب.
    أُرسلت هذه الرسالة تلقائيًا: لا تردّ عليها، واكتب من صفحة المتابعة.
mail-access-code-subject = رمز الدخول إلى Work in France
mail-access-code-body =
    مرحبًا،

    رمز الدخول الخاص بك: { $code }

    أدخِله مع عنوان بريدك الإلكتروني على { $url }/acces لبدء طلب ترخيص العمل، ثم لاستئنافه أو متابعته. وهو صالح لمدة 14 يومًا.

    أو افتح طلبك مباشرة، مرة واحدة، عبر هذا الرابط:
    { $link }

    إذا لم تكن أنت من طلب ذلك، فتجاهل هذه الرسالة.
mail-new-codes-subject = رموز الدخول الجديدة إلى Work in France
mail-new-codes-body =
    مرحبًا،

    إليك رموز الدخول الجديدة (لم تعد الرموز السابقة صالحة)، كلٌّ منها مع رابط يفتح الطلب مرة واحدة:
    { $codes }

    أدخِلها مع عنوانك على { $url }/acces. وهي صالحة لمدة 14 يومًا.
mail-submitted-subject = تم إيداع الطلب { $number }
mail-submitted-body =
    مرحبًا،

    تم إيداع طلب ترخيص العمل { $number }. وقد أُحيل إلى: { $service }.
    وصل الإيداع مرفق بهذه الرسالة. ستُبلَّغ بالبريد الإلكتروني بكل مرحلة: بدء الدراسة، وطلب الاستكمالات، والقرار.
mail-submitted-follow-with-code =
    لمتابعة هذا الملف، أدخل عنوانك والرمز { $code } على { $url }/acces (صالح لمدة 14 يومًا)، أو افتحه مرة واحدة عبر هذا الرابط:
    { $link }
mail-submitted-follow = تابِعه على { $url }/suivi.
mail-state-changed-subject = الملف { $number }: { $state }
mail-state-changed-body =
    مرحبًا،

    حالة الملف { $number } الآن: { $state }.
mail-message-from-service = رسالة من المصلحة المكلفة بالدراسة:
mail-details-next-steps = التفاصيل والخطوات التالية: { $url }/suivi
mail-message-subject = الملف { $number }: رسالة جديدة
mail-message-body =
    مرحبًا،

    تكتب إليك المصلحة المكلفة بالدراسة بخصوص الملف { $number }:

    { $message }

    أجب من صفحة المتابعة: { $url }/suivi
mail-revoked-subject = الملف { $number }: سُحب الترخيص
mail-revoked-body =
    مرحبًا،

    سُحب ترخيص العمل الخاص بالملف { $number }. ولم يعد يسمح بالعمل.

    السبب:
    { $reason }

    التفاصيل: { $url }/suivi

## The public API's own errors (server/src/http/api.rs).
api-malformed-json = متن الطلب ليس JSON صالحًا.

## The language menu, and the line under each translated page.
language-menu-title = اختيار اللغة
translation-notice = ترجمة مقدَّمة لمساعدتك: النص الفرنسي وحده هو المعتمد. لم يراجع هذه الترجمة بعدُ مترجمٌ محلَّف.
