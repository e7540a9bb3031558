## Interface sentences (was app/src/i18n/ui.rs). A key is the Rust name in kebab case:
## `home-step1-title` is `Msg::HomeStep1Title`. Every file has every key, with the same
## `{ $variables }` (checked as the crate is built, and by `cargo test`).

meta-description = 了解外国学生是否需要工作许可，在线申请并跟踪申请档案。
tagline = 外国学生工作许可
home-link-title = 首页 – Work in France
skip-links-label = 快速访问
skip-to-content = 正文
skip-to-footer = 页脚
main-menu = 主菜单
menu-button = 菜单
nav-home = 首页
nav-eligibility = 我需要许可吗？
nav-request = 提出申请
nav-follow = 继续填写或跟踪
footer-description = Work in France 帮助外国学生及其雇主了解是否需要工作许可、提出申请并跟踪申请档案。所适用的规则均为现行法律规定。
accessibility-status = 无障碍：部分符合
footer-api = 公共 API（OpenAPI）
footer-verify = 核验许可
footer-stats = 统计数据
footer-instructors = 审理人员专区
footer-licence = 除另有说明外，本网站内容采用 etalab-2.0 许可协议。

home-title = 首页
home-heading = 在法国边学习边工作
home-lead = 外国学生或雇主：只需一分钟，即可核实是否需要工作许可、需准备哪些材料以及允许工作多少小时。
home-cta = 核实是否需要许可
home-step1-title = 1. 核实
home-step1-text = 只需回答几个关于国籍、居留证和合同的问题：答案立即显示，并附上所依据的规则。
home-step2-title = 2. 提交
home-step2-text = 在线申请共六个步骤，约十分钟，取代纸质表格：上传材料，立即获得回执。
home-step3-title = 3. 跟踪
home-step3-text = 申请档案的每一步进展都会通过电子邮件发送给学生和雇主，双方可凭各自的访问码在线跟踪。
home-request-cta = 提出申请
home-law-title = 现行法律
home-law-text = 自 2021 年 4 月 1 日起，“临时工作许可”（APT）属于普通工作许可，由雇主向招聘机构所在省（département）的省长申请。本服务适用上述规则及其现行数额。

eligibility-title = 我需要工作许可吗？
eligibility-lead = 请回答以下问题：每回答一题，结果都会随之更新。不会保存任何数据。
nationality-label = 学生国籍
nationality-placeholder = 请选择国籍
permit-legend = 学生的居留证
permit-hint = 以居留证或签证上所载内容为准。
contract-label = 合同类型
contract-placeholder = 请选择合同类型
hours-label = 12 个月内的工作小时数
hours-hint = 所有工作合计（包括本工作），自居留证签发之日起 12 个月内。例如：500 或 803.5。
curriculum-legend = 该工作是否属于学业课程的一部分？
curriculum-hint = 例如课程要求的工作，或与所攻读学位相关的工作。
curriculum-by-nature = 此类合同本身即属于学业课程的一部分。
profession-label = 受监管职业
profession-hint = 某些职业需要提供执业能力证明或雇主的执照。
profession-placeholder = 请选择答案
no-regulated-profession = 无
filed-by-legend = 由谁提交申请？
renewal-label = 已就同一工作签发过许可（续期）
yes = 是
no = 否
see-result = 查看结果
result-heading = 结果
result-waiting = 请回答问题：结果将显示在此处。
result-fix-answers = 有些答案缺失或需要更正：
legal-basis = 依据：
cap-label = 年度上限：
hours-per-year = 小时（12 个月内）
obligations-heading = 雇主义务
documents-heading = 需准备的材料
optional-documents-heading = 有用材料（选填）
documents-format = 每份材料需上传 1 至 3 个 PDF、JPEG 或 PNG 文件，每个文件不超过 10 MB。
rules-in-force = 现行规则，截至
not-a-decision = 此答案仅供参考，不构成决定：只有行政部门有权作出决定。

accessibility-title = 无障碍声明
accessibility-intro = Work in France 承诺依照 2005 年 2 月 11 日第 2005-102 号法律第 47 条，使其服务无障碍可用。
accessibility-status-heading = 符合状况
accessibility-status-text = Work in France 部分符合法国无障碍改进通用框架（RGAA 4.1）：目前尚未进行任何审核。
accessibility-done-heading = 已完成的工作
accessibility-done-text = 跳转链接、可见焦点、带标签且会播报错误的表单、无需 JavaScript 即可使用的页面、完整的英文版本。
accessibility-contact-heading = 报告问题
accessibility-contact-text = 如果您无法访问某项内容或功能，请发送邮件至 contact@workinfrance.beta.gouv.fr：我们会回复您，并为您提供替代方案。

not-found-title = 页面未找到
not-found-text = 您请求的页面不存在或已被移动。

## app/src/i18n/domain.rs
domain-file = 提交
domain-take-review = 开始审理
domain-request-changes = 要求补充材料
domain-grant-authorisation = 批准许可
domain-refuse = 拒绝
domain-close-without-action = 不予处理并结案
domain-process = 待处理
domain-review = 审理中
domain-waiting-applicant = 等待申请人
domain-decided = 已决定
domain-instructor = 审理人员
domain-administrator = 管理员
domain-valid-authorisation = 有效许可
domain-authorisation-not-yet-force = 许可尚未生效
domain-expired-authorisation = 许可已过期
domain-revoked-authorisation = 许可已撤销
domain-draft = 草稿
domain-filed = 已提交
domain-under-review = 审理中
domain-changes-requested = 已要求补充材料
domain-authorisation-granted = 许可已批准
domain-refused = 已拒绝
domain-closed-without-action = 不予处理并已结案
domain-finish-file-request = 请完成并提交申请。
domain-instruction-service-will-check = 审理部门将核实档案是否完整，然后进行审理。
domain-file-complete-under-review = 档案完整，正在审理中：决定将通过电子邮件发送给您。
domain-send-documents-details-asked = 请发送下方所要求的材料或说明：之后档案将退回审理部门。
domain-authorisation-granted-download-give = 许可已批准：请下载许可并交给雇主。
domain-request-refused-reason-given = 申请因所述理由被拒绝。可在两个月内提出申诉。
domain-file-closed = 档案已结案。
domain-residence-card-vls-ts = “学生”居留卡或长期签证兼居留证（VLS-TS）
domain-residence-card-student-mobility = “学生 – 交流项目”居留卡
domain-temporary-long-stay-student = “学生”临时长期签证（最长 6 个月）
domain-algerian-student-residence-certificate = 阿尔及利亚“学生”居留证明
domain-another-permit-none = 其他居留证件或无证件
domain-ordinary-employment-contract-permanent = 普通劳动合同（CDI 无固定期限合同、CDD 固定期限合同、临时派遣）
domain-apprenticeship-contract = 学徒合同
domain-professionalisation-contract = 职业化合同
domain-cifre-industrial-research-training = CIFRE（企业科研培训协议）
domain-ater-temporary-teaching-research = ATER（临时教学与研究助理）
domain-medical-intern-ffi-dfms = 医学住院实习医生（FFI、DFMS/DFMSA）
domain-doctoral-contract = 博士合同
domain-internship-under-internship-agreement = 签有实习协议的实习
domain-trainee-chartered-accountant = 实习注册会计师
domain-security-agent = 安保人员
domain-statutory-auditor = 法定审计师
domain-trainee-lawyer = 实习律师
domain-notary = 公证人
domain-architect = 建筑师
domain-medical-profession = 医疗职业
domain-model = 模特
domain-live-performer = 现场演出艺人
domain-employer = 雇主
domain-student-employer-s-mandate = 学生（受雇主委托）
domain-no-work-authorisation-needed = 无需工作许可
domain-work-authorisation-needed = 需要工作许可
domain-job-cannot-authorised = 此工作无法获得许可
domain-nationals-european-union-european = 欧盟、欧洲经济区和瑞士的公民可在法国自由工作，无需许可。
domain-internship-under-internship-agreement-2 = 签有实习协议的实习不属于就业：无需工作许可，其小时数也不计入年度上限。
domain-service-students-holding-student = 本服务仅面向持有“学生”居留证件的学生。持其他证件者，工作权利取决于该证件：请咨询您所在的省政府或查阅 ANEF 网站。
domain-algerian-student-residence-certificate-2 = 阿尔及利亚“学生”居留证明不允许在没有许可的情况下工作：雇主须在开始工作的第一个小时之前申请许可。许可允许每年最多工作 { $cap } 小时（年度工作时长的 50%）。
domain-above-yearly-cap-job = 超过年度上限后，属于您学业课程一部分的工作仍然可行，但雇主必须在合同开始前取得工作许可。
domain-above-cap-hours-year = 每年超过 { $cap } 小时后，阿尔及利亚学生只能从事属于其学业课程的工作。由于此工作不属于您的学业，因此无法获得许可。
domain-temporary-long-stay-student-2 = “学生”临时长期签证不允许在没有许可的情况下工作：雇主须在开始工作的第一个小时之前申请许可，工作时长以 { $cap } 小时为限。
domain-temporary-long-stay-student-3 = 持“学生”临时长期签证，工作时长限于 { $cap } 小时：超过此限，该工作无法获得许可。
domain-apprenticeship-contract-registered-skills = 经技能运营机构（OPCO）登记的学徒合同即视为工作许可：无需申请，且此合同不受任何小时上限限制。
domain-student-residence-permit-may = 持“学生”居留证，您每年最多可工作 { $cap } 小时（法定工作时长的 60%），无需工作许可。
domain-above-cap-hours-year-2 = 每年超过 { $cap } 小时后，只有属于您学业课程一部分的工作才能获得许可。由于此工作不属于学业课程，无法以学生身份获得许可：变更身份是另一项手续。
domain-employer-declares-hire-name = 即使无需工作许可，雇主也须至少在合同开始前 2 个工作日，向机构所在省的省政府实名申报此次雇用。
domain-passport-identity-pages = 护照（身份信息页）
domain-valid-residence-permit-vls = 有效的居留证或 VLS-TS（或续期回执）
domain-enrolment-certificate-current-year = 本学年的在读证明
domain-employment-contract-promise-employment = 劳动合同或聘用承诺书
domain-employer-s-mandate-authorising = 雇主授权学生提交申请的委托书
domain-cifre-contract = CIFRE 合同
domain-ater-contract-from-institution = 由所在机构出具的 ATER 合同，注明到岗日期
domain-appointment-order-certificate-installation = 任命决定或任命证明，或就职记录
domain-recruitment-certificate-duration-salary = 录用证明（期限和薪资）
domain-certificate-from-head-department = 科室负责人出具的证明
domain-dfms-dfmsa-enrolment-certificate = DFMS 或 DFMSA 在读证明
domain-proof-capacity-practise-regulated = 从事该受监管职业的能力证明（职业公会出具的证明、职业证件等）
domain-employer-s-model-agency = 雇主的模特经纪机构执照（第 L.7123-11 条）
domain-live-performance-entrepreneur-licence = 现场演出经营者执照（第 L.7122-3 条）或向大区文化事务局（DRAC）提交的事先申报
domain-previous-work-authorisation = 以前的工作许可
domain-latest-payslips = 最近的工资单

## app/src/rules/error.rs
error-field-required = 此项为必填项。
error-choose-one-values-offered = 请从给出的选项中选择一项。
error-value-does-not-have = 此数据的格式无效。
error-unknown-nationality-give-two = 未知国籍：请填写两个字母的 ISO 国家代码（例如 SN）。
error-enter-number-example-500 = 请填写一个数字（例如 500 或 803.5）。
error-number-hours-cannot-negative = 小时数不能为负数。
error-year-has-most-8 = 一年最多有 8,784 小时：请核对此数字。
error-answer-yes-no = 请回答“是”或“否”。
error-algerian-student-residence-certificate = 阿尔及利亚“学生”居留证明仅签发给阿尔及利亚公民：请核对国籍或居留证件。
error-enter-between-1-100 = 请填写 1 至 100 个字符。
error-enter-valid-date-dd = 请填写有效日期（日/月/年，dd/mm/yyyy）。
error-date-birth-must-past = 出生日期必须是过去的日期。
error-person-must-between-16 = 合同开始时，此人的年龄必须在 16 至 80 岁之间。
error-invalid-e-mail-address = 电子邮件地址无效（正确格式：name@domain.com）。
error-invalid-number-10-digits = 号码无效：应为 10 位数字（06 12 34 56 78）或国际格式（+33 6 12 34 56 78）。
error-siret-has-14-digits = SIRET 号为 14 位数字。
error-siret-does-not-exist = 此 SIRET 号不存在（校验码错误）：请在 Insee 登记状况通知上核对。
error-postcode-has-5-digits = 邮政编码为 5 位数字。
error-postcode-matches-no-departement = 此邮政编码不对应任何省。
error-territory-does-not-apply = 该地区不适用《法国劳动法典》：请联系当地行政部门。
error-contract-must-end-after = 合同结束日期必须晚于开始日期。
error-permit-s-expiry-date = 居留证件的到期日期必须晚于其签发日期。
error-residence-permit-must-valid = 居留证在合同开始之日必须有效。
error-validity-must-end-after = 有效期结束日期必须晚于开始日期。
error-authorisation-must-lie-within = 许可必须在合同日期范围之内。
error-authorisation-cannot-outlast-residence = 许可的有效期不能超过居留证的有效期。
error-enter-positive-gross-hourly = 请填写一个正数的税前时薪（欧元）。
error-gross-hourly-wage-must = 税前时薪不得低于合同开始时现行的 SMIC（法定最低工资）。
error-enter-positive-number-weekly = 请填写一个正数的每周工作时长。
error-working-time-cannot-exceed = 工作时长每周不得超过 48 小时。
error-enter-between-1-200 = 请填写 1 至 200 个字符。
error-permit-number-has-6 = 居留证件号码由 6 至 20 个字母和数字组成（位于卡片正面）。
error-issue-date-cannot-future = 签发日期不能是将来的日期。
error-residence-permit-has-expired = 此居留证已过期：请附上续期回执并填写其日期。
error-contract-cannot-start-before = 合同开始日期不能早于今天：须先获得许可，再进行雇用。
error-give-end-date-only = 请填写结束日期：只有普通劳动合同（CDI，无固定期限合同）可以没有结束日期。
error-access-code-has-6 = 访问码为 6 位数字。
error-say-whether-student-employer = 请说明您是学生还是雇主。
error-write-message-1-2 = 请填写 1 至 2,000 个字符的留言。
error-verification-code-has-12 = 核验码由 12 个字母和数字组成，例如 7KQ2-M9XD-4TPA。
error-password-has-12-128 = 密码长度为 12 至 128 个字符。
error-service-code-has-2 = 部门代码由 2 至 32 个小写字母、数字或连字符组成。

## app/src/model.rs
model-file-too-large-10 = 文件过大：最多 10 MB。
model-file-not-pdf-jpeg = 此文件既不是 PDF，也不是 JPEG 或 PNG 图片（已检查其内容，而不仅是文件名）。
model-3-files-most-per = 每份材料最多 3 个文件：请先删除一个。
model-file-empty = 文件为空。
model-document-not-expected-file = 此档案不需要这份材料。
model-upload-failed-try-again = 上传失败：请重试。
model-file-s-documents-reach = 此档案的材料已达 60 MB：在添加其他文件之前，请删除一个文件或减小其大小（150 dpi 的扫描件即可）。
model-upload-took-too-long = 上传耗时过长，已被中断：请重试，如有可能请使用更好的网络连接。
model-service-receiving-many-files = 服务目前正在接收大量文件：请一分钟后重试。
model-several-files-already-being = 您的连接已有多个文件正在上传：请等待它们上传完成，再上传此文件。
model-files-sent-from-connection = 您的连接为尚未提交的申请上传的文件已达上限：在上传更多文件之前，请提交一份已完成的申请或删除一些文件。
model-service-cannot-receive-files = 服务暂时无法接收文件。您已上传的文件会被保留：请稍后重试。
model-session-has-expired-enter = 您的会话已过期：请重新输入您的电子邮件地址和访问码。
model-wrong-address-access-code = 电子邮件地址或访问码错误。尝试 5 次后，访问将被锁定 15 分钟。
model-too-many-attempts-code = 尝试次数过多：此访问码已失效。请在下方申请新的访问码。
model-sign-link-no-longer = 此登录链接已失效（已被使用或已过期）。请输入您的电子邮件地址和收到的访问码，或申请新的访问码。
model-file-filed-can-no = 此档案已提交：不能再修改。请在跟踪页面上跟踪。
model-no-authorisation-needed-case = 这种情况下无需许可：申请到此为止。
model-authorisation-cannot-granted-case = 这种情况下无法批准许可：申请到此为止。
model-not-found = 未找到该项。
model-file-changed-meantime-page = 档案在此期间已有变动：页面已重新加载，请核对后重新操作。
model-wrong-address-password-after = 电子邮件地址或密码错误。尝试 5 次后，账户将被锁定 15 分钟。
model-account-does-not-allow = 您的账户无权执行此操作。
model-no-authorisation-matches-code = 没有与此核验码和出生日期相符的许可。
model-request-sent-was-incomplete = 发送的请求不完整：请重新加载页面并重新操作。
model-service-has-problem-nothing = 服务出现问题：没有任何数据丢失，请稍后重试。

## app/src/instruction.rs
instruction-queued = 等待发送
instruction-sent = 已发送
instruction-failing-will-retry = 发送失败，将重新尝试
instruction-given-up = 已放弃

## app/src/components/summary.rs
summary-employee = 雇员
summary-employer = 雇主
summary-job-contract = 工作与合同
summary-documents = 证明材料
summary-summary = 汇总
summary-confirmation = 确认
summary-change = 修改

## app/src/components/feedback.rs
feedback-session-has-expired-sign = 您的会话已过期：请重新登录。
feedback-sign = 登录
feedback-enter-my-access-code = 输入我的访问码

## app/src/components/fields.rs
fields-unknown = 回答
fields-format-dd-mm-yyyy = 格式：日/月/年（dd/mm/yyyy）。
fields-family-name = 姓
fields-given-names = 名
fields-date-birth = 出生日期
fields-nationality = 国籍
fields-residence-permit = 居留证
fields-written-permit-visa = 以居留证或签证上所载内容为准。
fields-permit-number = 居留证号码
fields-6-20-letters-digits = 6 至 20 个字母和数字，位于居留证正面。
fields-permit-issue-date = 居留证签发日期
fields-permit-expiry-date = 居留证到期日期
fields-school-university = 教育机构
fields-degree-studied = 所攻读学位
fields-year-study = 学习年级
fields-example-l3-m1-2nd = 例如：L3（本科三年级）、M1（硕士一年级）、博士二年级。
fields-address-france = 在法国的地址
fields-postcode = 邮政编码
fields-town = 市镇
fields-student-s-e-mail = 学生的电子邮件地址
fields-will-receive-each-step = 该地址将收到档案的每一步进展。
fields-student-s-phone = 学生的电话
fields-06-12-34-56 = 06 12 34 56 78 或 +33 6 12 34 56 78。
fields-siret-employing-establishment = 用人机构的 SIRET 号
fields-14-digits-insee-notice = 14 位数字，见 Insee 登记状况通知或工资单。
fields-company-name = 公司名称
fields-establishment-s-address = 机构地址
fields-establishment-s-postcode = 机构邮政编码
fields-departement-decides-competent-service = 机构所在省决定主管部门（《法国劳动法典》第 R.5221-15 条）。
fields-establishment-s-town = 机构所在市镇
fields-contact-person = 联系人
fields-employer-s-e-mail = 雇主的电子邮件地址
fields-employer-s-phone = 雇主的电话
fields-type-contract = 合同类型
fields-contract-start = 合同开始日期
fields-contract-end = 合同结束日期
fields-empty-open-ended-contract = CDI（无固定期限合同）请留空。格式：日/月/年（dd/mm/yyyy）。
fields-weekly-hours = 每周工作时长（小时）
fields-48-hours-most = 最多 48 小时。
fields-gross-hourly-wage = 税前时薪（€）
fields-least-minimum-wage-force = 不得低于合同开始时现行的 SMIC（法定最低工资）。
fields-job-title = 职位名称
fields-job-part-course-study = 该工作是否属于学业课程的一部分？
fields-example-job-course-requires = 例如课程要求的工作，或与所攻读学位相关的工作。
fields-regulated-profession = 受监管职业
fields-hours-worked-over-12 = 12 个月内的工作小时数
fields-all-jobs-together-one = 所有工作合计（包括本工作），自居留证签发之日起 12 个月内。
fields-renewal = 续期
fields-authorisation-was-already-issued = 已就同一工作签发过许可。

## app/src/pages/verify.rs
verify-check-work-authorisation = 核验工作许可
verify-enter-verification-code-printed = 请输入印在许可上的核验码（或扫描其二维码读取）以及学生的出生日期。仅显示许可的状态和少量信息。
verify-verification-code = 核验码
verify-12-letters-digits-example = 12 个字母和数字，例如 7KQ2-M9XD-4TPA
verify-student-s-birth-date = 学生的出生日期
verify-check = 核验
verify-authorisation-no = 许可编号{" "}
verify-student = 学生：{" "}
verify-employer = 雇主：{" "}
verify-valid-from = 有效期自{" "}
verify-to = {" "}至{" "}

## app/src/pages/stats.rs
stats-statistics = 统计数据
stats-public-statistics = 公开统计数据
stats-work-authorisation-requests-filed = 在本服务上提交的工作许可申请及作出决定所需时间。持续更新。
stats-loading = 正在加载…
stats-d = 天
stats-chart-requests-filed-granted = 图表：每月提交、批准和拒绝的申请数。相同的数字也列在下表中。
stats-filed = 已提交
stats-granted = 已批准
stats-refused = 已拒绝
stats-month = 月份
stats-departement = 省
stats-filed-2 = 已提交
stats-granted-2 = 已批准
stats-refused-2 = 已拒绝
stats-median-time-decision = 作出决定的中位时间
stats-requests-filed = 已提交申请
stats-authorisations-granted = 已批准许可
stats-refusals = 拒绝决定
stats-median-time-decision-2 = 作出决定的中位时间
stats-month-2 = 按月份
stats-no-request-filed-yet = 目前尚无已提交的申请。
stats-month-month-filed = 按月份（提交月份）
stats-departement-2 = 按省
stats-establishment-s-departement = 按机构所在省

## app/src/pages/accessibility.rs
accessibility-does-each-informative-image = 每张承载信息的图片是否都有替代文本？
accessibility-contrast-between-text-background = 文字颜色与背景颜色之间的对比度是否足够高？
accessibility-each-data-table-cell = 数据表格的每个单元格是否都与其表头相关联？
accessibility-does-each-link-have = 每个链接是否都有名称？
accessibility-each-script-compatible-assistive = 每个脚本是否都与辅助技术兼容？
accessibility-can-each-script-operated = 每个脚本是否都可以用键盘操作？
accessibility-each-page-s-default = 每个页面是否都指明了默认语言？
accessibility-each-page-s-language = 每个页面的语言代码是否有效？
accessibility-does-each-page-have = 每个页面是否都有标题？
accessibility-each-change-language-marked = 每处语言变化是否都在源代码中标明？
accessibility-does-each-form-field = 每个表单字段是否都有标签？
accessibility-input-checking-used-appropriately = 输入校验的使用是否恰当？（错误摘要会获得焦点，每个错误都与其字段相关联）
accessibility-can-input-s-purpose = 能否确定输入字段的用途（autocomplete 属性）？
accessibility-there-skip-link-main = 是否有跳转至主要内容的链接？
accessibility-tab-order-consistent = Tab 键的切换顺序是否一致？
accessibility-automated-axe-core = 自动检测（axe-core）
accessibility-keyboard-journey = 键盘操作流程
accessibility-automated-axe-core-keyboard = 自动检测（axe-core）及键盘操作流程
accessibility-rgaa-4-1-criteria = 每个版本都会核查的 RGAA 4.1 标准
accessibility-before-each-release-end = 每次上线前，端到端测试都会在 Chromium 中分别以电脑和手机浏览整个服务：axe-core 依照 WCAG 2.1 A 级和 AA 级规则检查所显示的每个页面，部分操作流程仅用键盘完成（Tab、Shift+Tab、Enter、空格、方向键）。其他标准尚未评估。
accessibility-criteria-checked-how = 已核查的标准及方法
accessibility-criterion = 标准
accessibility-wording = 表述
accessibility-check = 核查方式

## app/src/pages/request/mod.rs
request-start-request = 开始申请
request-request-work-authorisation = 申请工作许可
request-six-steps-about-ten = 共六个步骤，约十分钟。您的申请在每一步都会被保存：在 14 天内，您可凭电子邮件收到的访问码继续填写。
request-before-start = 开始之前，{" "}
request-check-that-authorisation-needed = 请核实是否需要许可
request-you-are = 您是
request-e-mail-address = 您的电子邮件地址
request-access-code-will-sent = 访问码将发送至该地址。
request-send-me-access-code = 获取我的访问码
request-already-started = 已经开始填写？
request-resume-request-follow-file = 请凭您的电子邮件地址和访问码继续填写申请或跟踪您的档案。
request-resume-follow = 继续填写或跟踪
request-access-my-request = 进入我的申请
request-if-address-has-request = 如果此地址有申请，一封包含新访问码的电子邮件正在发往该地址；通常一分钟内即可收到。
request-e-mail-address-2 = 电子邮件地址
request-access-code = 访问码
request-6-digits-received-e = 6 位数字，通过电子邮件收到。
request-continue = 进入
request-lost-expired-code = 访问码丢失或已过期？{" "}
request-get-new-code = 获取新的访问码
request-start-new-request = 开始新的申请
request-open-my-request = 打开我的申请
request-followed-link-received-e = 您点击了电子邮件中收到的链接。请按下按钮，在此浏览器中打开您的申请。该链接只能使用一次。
request-use-my-address-code = 改用我的电子邮件地址和访问码
request-next-step = 下一步：{" "}
request-sign-out = 退出登录

## app/src/pages/request/steps.rs
steps-mb = MB
steps-kb = KB
steps-resume-request-follow-file = 如需继续填写申请或跟踪档案，请输入您的电子邮件地址以及通过电子邮件收到的六位数访问码。
steps-lost-old-code-same = 访问码丢失或太旧？在同一页面上，点击“获取新的访问码”即可向申请所用的地址发送一个新访问码。
steps-file-filed-follow-from = 此档案已提交：请在跟踪页面上跟踪。
steps-follow-my-file = 跟踪我的档案
steps-work-authorisation-request = 工作许可申请
steps-all-fields-required-unless = 除另有说明外，所有字段均为必填项。
steps-previous-step = 上一步
steps-save-continue = 保存并继续
steps-draft-kept-14-days = 草稿自最后一次保存起保留 14 天。
steps-apply-anef = 在 ANEF 上提交
steps-see-explanation-rule-applied = 查看说明及所适用的规则
steps-select-answer = 请选择答案
steps-each-document-1-3 = 每份材料需上传 1 至 3 个 PDF、JPEG 或 PNG 文件，每个文件不超过 10 MB。文件类型根据文件内容进行核查。
steps-continue-summary = 继续前往汇总页面
steps-optional = {" "}（选填）
steps-remove = 删除
steps-add-file = 添加文件
steps-pdf-jpeg-png-10 = PDF、JPEG 或 PNG，最多 10 MB。
steps-upload = 上传
steps-uploading = 正在上传
steps-filing-request-certify-that = 提交申请即表示您保证所提供信息准确无误。档案提交后将不能再修改，除非审理部门提出要求。
steps-file-request = 提交申请
steps-request-filed = 申请已提交
steps-file-number = 档案编号：{" "}
steps-deposit-receipt-way-e = 提交回执正通过电子邮件发送给学生和雇主；通常一分钟内即可收到。双方均可凭各自的电子邮件地址和访问码跟踪档案。
steps-download-receipt-pdf = 下载回执（PDF）
steps-request-not-filed-yet = 此申请尚未提交。
steps-resume-request = 继续填写申请
steps-file-follow-up = 档案跟踪
steps-file = 档案{" "}
steps-instruction-service = 审理部门：{" "}
steps-deposit-receipt-pdf = 提交回执（PDF）
steps-work-authorisation-pdf = 工作许可（PDF）
steps-documents-asked = 所要求的材料
steps-send-file-back-service = 将档案重新发送给审理部门
steps-history-messages = 历史记录和留言
steps-you = 您
steps-instruction-service-2 = 审理部门
steps-write-instruction-service = 给审理部门留言
steps-send-message = 发送留言

## app/src/pages/instructor/mod.rs
instructor-instructor-area = 审理人员专区
instructor-sign-reach-instructor-area = 请登录以进入审理人员专区。
instructor-file-queue = 档案队列
instructor-administration = 管理
instructor-instructor-sign = 审理人员登录
instructor-staff-foreign-labour-services = 仅限外籍劳动力管理部门的工作人员使用。学生和雇主凭各自的访问码跟踪档案。
instructor-work-e-mail-address = 工作电子邮件地址
instructor-password = 密码
instructor-state = 状态
instructor-all = 全部
instructor-pagination = 分页
instructor-previous = 上一页
instructor-next = 下一页
instructor-file-number-name-siret = 档案编号、姓名或 SIRET 号
instructor-contract = 合同
instructor-contract-start-from = 合同开始日期，从
instructor-to = 至
instructor-filter = 筛选
instructor-clear = 清除
instructor-export-csv = 导出为 CSV
instructor-export-xlsx-excel = 导出为 XLSX（Excel）
instructor-no-file-matches = 没有符合条件的档案。
instructor-files = 档案
instructor-file = 档案
instructor-student = 学生
instructor-siret = SIRET
instructor-start = 开始日期
instructor-permit-expiry = 居留证到期

## app/src/pages/instructor/dossier.rs
dossier-file-not-found = 未找到档案
dossier-no-file-services-has = 您所属部门没有此编号的档案。
dossier-back-queue = 返回队列
dossier-recorded-file-now = 已保存。档案状态：
dossier-validity-must-stay-within = 有效期必须在合同日期范围之内，并在居留证有效期之内。
dossier-valid-from = 有效期自
dossier-yearly-hour-cap-printed = 许可上注明的每年工作小时上限：{" "}
dossier-no-yearly-cap-job = 无年度上限：该工作属于学业课程的一部分。
dossier-what-missing-correct-sent = 缺少或需更正的内容（将发送给申请人）
dossier-documents-provide-again = 需重新提供的材料
dossier-reason-refusal-sent-applicant = 拒绝理由（将发送给申请人）
dossier-message-applicant-optional = 给申请人的留言（选填）
dossier-revoke-authorisation = 撤销许可
dossier-reason-revoking-sent-applicant = 撤销理由（将发送给申请人）
dossier-authorisation-issued = 许可已签发
dossier-verification-code = 核验码：{" "}
dossier-revoked = 已撤销
dossier-authorisation-pdf = 许可（PDF）
dossier-write-applicant = 给申请人留言
dossier-message-sent-student-employer = 留言（将发送给学生和雇主）
dossier-send = 发送
dossier-eligibility-recomputed = 已重新计算资格
dossier-optional = （选填）
dossier-no-file = 没有文件。
dossier-applicant = 申请人
dossier-message = 留言
dossier-authorisation-revoked = 许可已撤销
dossier-departement = 省{" "}
dossier-filed = 提交于{" "}
dossier-employer = 雇主：{" "}
dossier-decision = 决定
dossier-closed-file-no-action = 档案已结案：无法进行任何操作。
dossier-history = 历史记录
dossier-open-pdf-new-tab = 在新标签页中打开 PDF
dossier-pdf-preview = PDF 预览：{" "}

## app/src/pages/instructor/admin.rs
admin-instruction-services-departements = 审理部门与省
admin-services = 部门
admin-code = 代码
admin-name = 名称
admin-e-mail = 电子邮件
admin-departements-open-bold = 省（已开放的以粗体显示）
admin-create-rename-service = 创建部门或为部门重命名
admin-code-e-g-moe = 代码（例如 moe-lyon）
admin-service-e-mail = 部门电子邮件
admin-save-service = 保存部门
admin-assign-open-departement = 关联并开放一个省
admin-departement-e-g-69 = 省（例如 69、2A、974）
admin-service = 部门
admin-none = 无
admin-open-online-requests = 开放在线申请
admin-save-departement = 保存省
admin-staff = 工作人员
admin-role = 角色
admin-active = 启用
admin-yes = 是
admin-no = 否
admin-create-update-staff-member = 创建或修改工作人员
admin-existing-staff-member-found = 系统按电子邮件地址查找已有的工作人员；如需保留原密码，请将密码留空。
admin-password-12-characters-more = 密码（12 个字符或以上）
admin-active-account = 账户已启用
admin-save-staff-member = 保存工作人员
admin-e-mails = 电子邮件
admin-latest-e-mails-utc = 最近的电子邮件（UTC 时间）
admin-queued = 创建时间
admin-to = 收件人
admin-subject = 主题
admin-tries = 尝试次数
admin-sent-next-try-last = 发送时间，或下次尝试时间及最后一次错误

## server/src/instruction/xlsx.rs
xlsx-number = 编号
xlsx-student = 学生
xlsx-residence-permit-ends = 居留证到期日期
xlsx-filed-paris-time = 提交时间（巴黎时间）

## Sentences with values: { $name } is given by the code; a plural chooses its variant by
## the number (CLDR categories).
model-fields-to-correct =
    { $n ->
       *[other] 有 { $n } 个字段需要更正。
    }
model-access-locked =
    { $minutes ->
       *[other] 尝试次数过多：访问已被锁定 { $minutes } 分钟。请在此之后重试，或申请新的访问码。
    }
model-step-not-reached = 请先完成第 { $step } 步：各步骤须按顺序填写。
model-departement-closed = { $departement } 省尚未在本服务上开放：请在 ANEF 门户网站（administration-etrangers-en-france.interieur.gouv.fr）上提交申请。
model-documents-missing =
    { $n ->
       *[other] 缺少 { $n } 份必需材料。
    }
model-illegal-transition = 无法执行此操作：“{ $action }”不适用于状态为“{ $state }”的档案。
model-rate-limited =
    { $minutes ->
       *[other] 尝试次数过多：请在 { $minutes } 分钟后重试。
    }
model-too-many-rows = 此列表共有 { $rows } 份档案：一个 Excel 工作表最多只能容纳 { $max } 份。请导出为 CSV（无行数限制），或缩小筛选范围。
request-code-sent = 一封包含 6 位数访问码的电子邮件正在发往 { $email }；通常一分钟内即可收到。该访问码有效期为 14 天。
request-step-of-six = 第 { $step } 步，共 6 步
steps-signed-in-as = 已登录：{ $email }
steps-answers-to-correct =
    { $n ->
       *[other] 有 { $n } 个答案需要更正
    }
steps-routed-to = { $departement } 省：申请将由 { $service } 审理。
steps-departement-elsewhere = { $departement } 省尚未在本服务上开放：请在法国外国人事务数字化管理平台（ANEF）网站上提交申请。
steps-documents-still-missing =
    { $n ->
       *[other] 继续之前，还需附上 { $n } 份必需材料。
    }
instructor-queue-total =
    { $n ->
       *[other] 共 { $n } 份档案 — 最紧急的排在前面（先按合同开始日期，再按居留证到期日期）
    }

## E-mails (server/src/documents/notify.rs). A blank line in a text is a blank line in the e-mail.
mail-request-started-on = 申请开始于 { $date }
mail-signature =
    Work in France，外国学生工作许可在线服务。
    此邮件为系统自动发送：请勿直接回复，请通过跟踪页面留言。
mail-access-code-subject = 您的 Work in France 访问码
mail-access-code-body =
    您好：

    您的访问码：{ $code }

    请在 { $url }/acces 上输入此访问码和您的电子邮件地址，以开始填写您的工作许可申请，之后也可用于继续填写或跟踪申请。访问码有效期为 14 天。

    您也可以通过以下链接直接打开您的申请（仅限使用一次）：
    { $link }

    如果您并未提出此申请，请忽略此邮件。
mail-new-codes-subject = 您新的 Work in France 访问码
mail-new-codes-body =
    您好：

    以下是您新的访问码（之前的访问码已失效），每个访问码附有一个链接，可打开申请一次：
    { $codes }

    请在 { $url }/acces 上输入这些访问码和您的电子邮件地址。访问码有效期为 14 天。
mail-submitted-subject = 申请 { $number } 已提交
mail-submitted-body =
    您好：

    工作许可申请 { $number } 已提交，并已转交给：{ $service }。
    提交回执附于本邮件。每一步进展都会通过电子邮件通知您：受理、要求补充材料、作出决定。
mail-submitted-follow-with-code =
    如需跟踪此档案，请在 { $url }/acces 上输入您的电子邮件地址和访问码 { $code }（有效期 14 天），或通过以下链接打开档案（仅限使用一次）：
    { $link }
mail-submitted-follow = 请在 { $url }/suivi 上跟踪。
mail-state-changed-subject = 档案 { $number }：{ $state }
mail-state-changed-body =
    您好：

    档案 { $number } 的当前状态为：{ $state }。
mail-message-from-service = 审理部门的留言：
mail-details-next-steps = 详情及后续步骤：{ $url }/suivi
mail-message-subject = 档案 { $number }：新留言
mail-message-body =
    您好：

    审理部门就档案 { $number } 给您留言：

    { $message }

    请通过跟踪页面回复：{ $url }/suivi
mail-revoked-subject = 档案 { $number }：许可已撤销
mail-revoked-body =
    您好：

    档案 { $number } 的工作许可已被撤销，不再允许工作。

    理由：
    { $reason }

    详情：{ $url }/suivi

## The public API's own errors (server/src/http/api.rs).
api-malformed-json = 请求正文不是有效的 JSON。

## The language menu, and the line under each translated page.
language-menu-title = 选择语言
translation-notice = 本译文仅供参考：以法文文本为准。本译文尚未经宣誓翻译审校。
