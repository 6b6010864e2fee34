// The 20 sheets of the workbook contract (docs/workbook.md is generated from them). `kinds`: a sheet is in
// a kind's template when some check of that annex reads it.
import type { ColumnDef, ColumnType, FacilityKind, SheetDef } from './types.ts';

type Help = readonly [en: string, kk: string, ru: string];
interface ColumnOptions {
  readonly enum?: string;
  readonly required?: boolean;
  readonly unique?: boolean;
  readonly min?: number;
  readonly references?: { readonly sheet: string; readonly column: string };
  readonly whenAbsent?: 'empty' | 'not-evaluated';
}

function col(id: string, type: ColumnType, kk: string, ru: string, help: Help, options: ColumnOptions = {}): ColumnDef {
  const min = options.min ?? (type === 'int' || type === 'number' ? 0 : undefined);
  return {
    id,
    type,
    labels: { en: id, kk, ru },
    help: { en: help[0], kk: help[1], ru: help[2] },
    ...(options.enum !== undefined ? { enum: options.enum } : {}),
    ...(options.required ? { required: true } : {}),
    ...(options.unique ? { unique: true } : {}),
    ...(min !== undefined ? { min } : {}),
    ...(options.references ? { references: options.references } : {}),
    ...(options.whenAbsent !== undefined ? { whenAbsent: options.whenAbsent } : {}),
  };
}

function sheet(id: string, kk: string, ru: string, kinds: readonly FacilityKind[], help: Help, columns: readonly ColumnDef[], extra: Pick<SheetDef, 'singleRow' | 'register'> = {}): SheetDef {
  return { id, labels: { en: id, kk, ru }, kinds, help: { en: help[0], kk: help[1], ru: help[2] }, columns, ...extra };
}

const ALL: readonly FacilityKind[] = ['residential', 'home_care', 'day_care'];
const CHILD = { sheet: 'children', column: 'child_id' } as const;
const STAFF = { sheet: 'staff', column: 'staff_id' } as const;
const GROUP = { sheet: 'groups', column: 'group_id' } as const;

/** An optional child_id (journal: facility-wide entries) states what a sheet without it means. */
const childRef = (required: boolean, help: Help = ['The child\'s code from the children sheet.', 'Балалар парағындағы баланың коды.', 'Код ребенка из листа «Дети».'], whenAbsent?: 'empty' | 'not-evaluated'): ColumnDef =>
  col('child_id', 'id', 'Баланың коды', 'Код ребенка', help, { required, references: CHILD, ...(whenAbsent ? { whenAbsent } : {}) });
const dateCol = (help: Help): ColumnDef => col('date', 'date', 'Күні', 'Дата', help, { required: true });
const doctorConclusion = col('doctor_conclusion', 'bool', 'Дәрігер қорытындысы', 'Заключение врача',
  ['Is there a doctor\'s conclusion (yes/no)?', 'Дәрігердің қорытындысы бар ма (иә/жоқ)?', 'Есть ли заключение врача (да/нет)?'], { whenAbsent: 'not-evaluated' });
const orderNo = (what: Help): ColumnDef => col('order_no', 'text', 'Басшының бұйрығы', 'Приказ руководителя',
  [`Number of the head's order on the ${what[0]}.`, `${what[1]} туралы басшы бұйрығының нөмірі.`, `Номер приказа руководителя о ${what[2]}.`], { whenAbsent: 'not-evaluated' });
const fromTo = (what: Help): ColumnDef[] => [
  col('from', 'date', 'Басталуы', 'С', [`First day of the ${what[0]}.`, `${what[1]} бірінші күні.`, `Первый день ${what[2]}.`], { required: true }),
  col('to', 'date', 'Аяқталуы', 'По', [`Last day of the ${what[0]}.`, `${what[1]} соңғы күні.`, `Последний день ${what[2]}.`], { required: true }),
];

export const SHEETS: readonly SheetDef[] = [
  sheet('facility', 'Мекеме', 'Учреждение', ALL,
    ['The facility and the audit period: exactly one data row.', 'Мекеме және тексеру кезеңі: дәл бір жол.', 'Учреждение и период проверки: ровно одна строка.'], [
    col('facility_id', 'id', 'Мекеме коды', 'Код учреждения', ['The facility\'s code.', 'Мекеменің коды.', 'Код учреждения.'], { required: true }),
    col('name', 'text', 'Атауы', 'Наименование', ['The facility\'s name.', 'Мекеменің атауы.', 'Наименование учреждения.'], { required: true }),
    col('kind', 'enum', 'Түрі', 'Тип', ['Kind of facility.', 'Мекеменің түрі.', 'Тип учреждения.'], { required: true, enum: 'kind' }),
    col('ownership', 'enum', 'Меншік нысаны', 'Форма собственности', ['State or private.', 'Мемлекеттік немесе жеке.', 'Государственная или частная.'], { required: true, enum: 'ownership' }),
    col('period_from', 'date', 'Кезең басы', 'Начало периода', ['First day of the audit period.', 'Тексеру кезеңінің бірінші күні.', 'Первый день проверяемого периода.'], { required: true }),
    col('period_to', 'date', 'Кезең соңы', 'Конец периода', ['Last day of the audit period.', 'Тексеру кезеңінің соңғы күні.', 'Последний день проверяемого периода.'], { required: true }),
    col('head_name', 'text', 'Басшының Т.А.Ә.', 'ФИО руководителя', ['Full name of the head.', 'Басшының тегі, аты, әкесінің аты.', 'ФИО руководителя.'], { whenAbsent: 'empty' }),
    col('license_social_services', 'text', 'Арнаулы әлеуметтік қызметтер лицензиясы', 'Лицензия на специальные социальные услуги',
      ['Number of the special social services licence; empty if none.', 'Арнаулы әлеуметтік қызметтер лицензиясының нөмірі; жоқ болса бос.', 'Номер лицензии на специальные социальные услуги; пусто, если нет.'], { whenAbsent: 'not-evaluated' }),
    col('license_medical', 'text', 'Медициналық лицензия', 'Медицинская лицензия',
      ['Number of the medical licence; empty if none.', 'Медициналық лицензияның нөмірі; жоқ болса бос.', 'Номер медицинской лицензии; пусто, если нет.'], { whenAbsent: 'not-evaluated' }),
    col('license_education', 'text', 'Білім беру лицензиясы', 'Лицензия на образовательную деятельность',
      ['Number of the education licence; empty if none.', 'Білім беру лицензиясының нөмірі; жоқ болса бос.', 'Номер лицензии на образовательную деятельность; пусто, если нет.'], { whenAbsent: 'not-evaluated' }),
  ], { singleRow: true }),

  sheet('children', 'Балалар', 'Дети', ALL,
    ['One row per child served during the period.', 'Кезеңде қызмет көрсетілген әр балаға бір жол.', 'По одной строке на каждого ребенка, обслуженного в периоде.'], [
    col('child_id', 'id', 'Баланың коды', 'Код ребенка', ['A unique code for the child.', 'Баланың бірегей коды.', 'Уникальный код ребенка.'], { required: true, unique: true }),
    col('birth_date', 'date', 'Туған күні', 'Дата рождения', ['Date of birth.', 'Туған күні.', 'Дата рождения.'], { required: true }),
    col('sex', 'enum', 'Жынысы', 'Пол', ['Sex.', 'Жынысы.', 'Пол.'], { enum: 'sex', whenAbsent: 'not-evaluated' }),
    col('admitted_on', 'date', 'Қабылданған күні', 'Дата поступления',
      ['Date of admission (home care: date of registration).', 'Қабылданған күні (үйде қызмет көрсетуде — есепке қойылған күні).', 'Дата поступления (на дому — дата постановки на учет).'], { required: true }),
    col('discharged_on', 'date', 'Шығарылған күні', 'Дата выбытия', ['Date of discharge; empty if still in care.', 'Шығарылған күні; әлі қызметте болса бос.', 'Дата выбытия; пусто, если ребенок обслуживается.'], { whenAbsent: 'empty' }),
    col('discharge_order_no', 'text', 'Шығару туралы бұйрық нөмірі', 'Номер приказа о выбытии', ['Number of the head\'s discharge order.', 'Басшының шығару туралы бұйрығының нөмірі.', 'Номер приказа руководителя о выбытии.'], { whenAbsent: 'not-evaluated' }),
    col('funding', 'enum', 'Қаржыландыру', 'Финансирование', ['Budget-funded or paid.', 'Бюджет есебінен немесе ақылы.', 'За счет бюджета или платно.'], { required: true, enum: 'funding' }),
    col('category', 'enum', 'Санаты', 'Категория', ['Category of the child.', 'Баланың санаты.', 'Категория ребенка.'], { enum: 'category', whenAbsent: 'empty' }),
    col('disabled', 'bool', 'Мүгедектігі', 'Инвалидность', ['Has a disability (yes/no).', 'Мүгедектігі бар ма (иә/жоқ).', 'Есть ли инвалидность (да/нет).'], { whenAbsent: 'not-evaluated' }),
    col('has_ipr', 'bool', 'ОЖБ бар', 'Есть ИПР', ['Has an individual rehabilitation programme (yes/no).', 'Оңалтудың жеке бағдарламасы бар ма (иә/жоқ).', 'Есть ли индивидуальная программа реабилитации (да/нет).'], { whenAbsent: 'empty' }),
    col('group_id', 'id', 'Топ', 'Группа', ['Code of the child\'s group (groups sheet).', 'Баланың тобының коды (Топтар парағы).', 'Код группы ребенка (лист «Группы»).'], { references: GROUP, whenAbsent: 'not-evaluated' }),
    col('subgroup_id', 'id', 'Кіші топ', 'Подгруппа', ['Code of the labour subgroup inside the group.', 'Топ ішіндегі еңбек кіші тобының коды.', 'Код трудовой подгруппы внутри группы.'], { whenAbsent: 'not-evaluated' }),
    col('bedroom_id', 'id', 'Жатын бөлме', 'Спальная комната', ['Bedroom code.', 'Жатын бөлменің коды.', 'Код спальной комнаты.'], { whenAbsent: 'not-evaluated' }),
    col('care_worker_id', 'id', 'Күтім жөніндегі әлеуметтік қызметкер', 'Социальный работник по уходу',
      ['Staff code of the assigned care social worker.', 'Бекітілген күтім жөніндегі әлеуметтік қызметкердің коды.', 'Код закрепленного социального работника по уходу.'], { references: STAFF, whenAbsent: 'not-evaluated' }),
    col('regime_hours', 'number', 'Болу режимі, сағат', 'Режим пребывания, часов', ['Hours a day the child stays.', 'Баланың күніне болу сағаттары.', 'Часов пребывания в день.'], { whenAbsent: 'not-evaluated' }),
    col('seizures_per_month', 'number', 'Айына ұстамалар саны', 'Приступов в месяц', ['Epileptic seizures per month.', 'Айына эпилепсиялық ұстамалар саны.', 'Эпилептических приступов в месяц.'], { whenAbsent: 'empty' }),
    col('contraindications', 'list', 'Қарсы айғақтамалар', 'Противопоказания', ['Medical contraindications, separated by ; or ,', 'Медициналық қарсы айғақтамалар, ; немесе , арқылы.', 'Медицинские противопоказания через ; или ,'], { enum: 'contraindication', whenAbsent: 'empty' }),
    col('id_card_issued_on', 'date', 'Жеке куәлік берілген күні', 'Дата выдачи удостоверения личности', ['Date the ID card was issued.', 'Жеке куәлік берілген күні.', 'Дата выдачи удостоверения личности.'], { whenAbsent: 'not-evaluated' }),
    col('discharge_extract', 'bool', 'Үзінді көшірме немесе ауыстыру эпикризі', 'Выписка или переводной эпикриз',
      ['On discharge: was the extract or transfer epicrisis issued (yes/no)?', 'Шығарғанда үзінді көшірме немесе ауыстыру эпикризі ресімделді ме (иә/жоқ)?', 'При выбытии: оформлены ли выписка или переводной эпикриз (да/нет)?'], { whenAbsent: 'not-evaluated' }),
  ], { register: true }),

  sheet('groups', 'Топтар', 'Группы', ['residential', 'day_care'],
    ['One row per group of children.', 'Балалардың әр тобына бір жол.', 'По одной строке на группу детей.'], [
    col('group_id', 'id', 'Топ', 'Группа', ['A unique group code.', 'Топтың бірегей коды.', 'Уникальный код группы.'], { required: true, unique: true }),
    col('age_band', 'enum', 'Жас тобы', 'Возрастная группа', ['Age band of the group.', 'Топтың жас тобы.', 'Возрастная группа.'], { required: true, enum: 'age_band' }),
    col('skill_level', 'enum', 'Дағдылар деңгейі', 'Уровень навыков', ['Skill level of the group.', 'Топтың дағдылар деңгейі.', 'Уровень навыков группы.'], { required: true, enum: 'skill' }),
    col('labour_orientation', 'bool', 'Еңбек бағдары', 'Трудовая ориентация', ['A labour-orientation group (yes/no).', 'Еңбек бағдарындағы топ па (иә/жоқ).', 'Группа трудовой ориентации (да/нет).'], { whenAbsent: 'empty' }),
  ]),

  sheet('staff', 'Қызметкерлер', 'Сотрудники', ['residential', 'home_care'],
    ['One row per staff member.', 'Әр қызметкерге бір жол.', 'По одной строке на сотрудника.'], [
    col('staff_id', 'id', 'Қызметкер коды', 'Код сотрудника', ['A unique staff code.', 'Қызметкердің бірегей коды.', 'Уникальный код сотрудника.'], { required: true, unique: true }),
    col('full_name', 'text', 'Т.А.Ә.', 'ФИО', ['Full name.', 'Тегі, аты, әкесінің аты.', 'Фамилия, имя, отчество.'], { whenAbsent: 'empty' }),
    col('position', 'enum', 'Лауазымы', 'Должность', ['Position.', 'Лауазымы.', 'Должность.'], { required: true, enum: 'role' }),
    col('rate', 'number', 'Ставка', 'Ставка', ['Staff rate (e.g. 1 or 0.5).', 'Ставка (мысалы, 1 немесе 0,5).', 'Ставка (например, 1 или 0,5).'], { whenAbsent: 'empty' }),
    col('hired_on', 'date', 'Жұмысқа қабылданған күні', 'Дата приема', ['Date hired.', 'Жұмысқа қабылданған күні.', 'Дата приема на работу.'], { whenAbsent: 'empty' }),
    col('left_on', 'date', 'Жұмыстан босатылған күні', 'Дата увольнения', ['Date left; empty if still employed.', 'Жұмыстан босатылған күні; жұмыс істесе бос.', 'Дата увольнения; пусто, если работает.'], { whenAbsent: 'empty' }),
  ]),

  sheet('plans', 'Жеке жоспарлар', 'Индивидуальные планы', ALL,
    ['One row per individual work plan of a child.', 'Баланың әр жеке жұмыс жоспарына бір жол.', 'По одной строке на индивидуальный план ребенка.'], [
    childRef(true),
    col('plan_no', 'int', 'Жоспар нөмірі', 'Номер плана', ['Plan number for the child: 1, 2, …', 'Баланың жоспар нөмірі: 1, 2, …', 'Номер плана ребенка: 1, 2, …'], { required: true }),
    col('drafted_on', 'date', 'Әзірленген күні', 'Дата разработки', ['Date the plan was drafted.', 'Жоспар әзірленген күн.', 'Дата разработки плана.'], { required: true }),
    col('completed_on', 'date', 'Толтырылған күні', 'Дата заполнения', ['Date the plan was completed.', 'Жоспар толтырылған күн.', 'Дата заполнения плана.'], { whenAbsent: 'not-evaluated' }),
    col('approved_on', 'date', 'Бекітілген күні', 'Дата утверждения', ['Date the plan was approved.', 'Жоспар бекітілген күн.', 'Дата утверждения плана.'], { whenAbsent: 'not-evaluated' }),
    col('approved_by', 'enum', 'Бекіткен', 'Кем утвержден', ['Who approved the plan.', 'Жоспарды кім бекітті.', 'Кем утвержден план.'], { enum: 'role', whenAbsent: 'not-evaluated' }),
    col('valid_from', 'date', 'Қолданылу басы', 'Действует с', ['First day the plan is in force.', 'Жоспар қолданылатын бірінші күн.', 'Первый день действия плана.'], { required: true }),
    col('valid_to', 'date', 'Қолданылу соңы', 'Действует по', ['Last day the plan is in force.', 'Жоспар қолданылатын соңғы күн.', 'Последний день действия плана.'], { required: true }),
  ]),

  sheet('journal', 'Журнал', 'Журнал', ALL,
    ['Journal entries: monitoring, assessments, internal control.', 'Журнал жазбалары: мониторинг, бағалау, ішкі бақылау.', 'Записи журнала: мониторинг, оценки, внутренний контроль.'], [
    childRef(false, ['The child\'s code; empty for facility-wide entries.', 'Баланың коды; бүкіл мекемеге қатысты жазбада бос.', 'Код ребенка; пусто для записей по всему учреждению.'], 'not-evaluated'),
    dateCol(['Date of the entry.', 'Жазба күні.', 'Дата записи.']),
    col('entry_type', 'enum', 'Жазба түрі', 'Вид записи', ['Kind of entry.', 'Жазбаның түрі.', 'Вид записи.'], { required: true, enum: 'entry' }),
    col('recorded_by', 'enum', 'Тіркеген', 'Кем внесено', ['Role of the person who recorded it.', 'Тіркеген адамның лауазымы.', 'Должность внесшего запись.'], { enum: 'role', whenAbsent: 'not-evaluated' }),
  ]),

  sheet('health_log', 'Денсаулық күнделігі', 'Журнал здоровья', ['residential', 'day_care'],
    ['Daily health observation: one row per child per day.', 'Денсаулықты күнделікті қадағалау: әр балаға күн сайын бір жол.', 'Ежедневное наблюдение здоровья: строка на ребенка в день.'], [
    childRef(true),
    dateCol(['Day of the observation.', 'Қадағалау күні.', 'День осмотра.']),
    col('observed_by', 'enum', 'Бақылаған', 'Кем осмотрен', ['Role of the observer.', 'Бақылаған адамның лауазымы.', 'Должность осмотревшего.'], { enum: 'role', whenAbsent: 'empty' }),
  ]),

  sheet('attendance', 'Келу', 'Посещаемость', ['day_care'],
    ['One row per child per day attended.', 'Әр балаға келген күні бір жол.', 'Строка на ребенка за каждый день посещения.'], [
    childRef(true),
    dateCol(['Day attended.', 'Келген күні.', 'День посещения.']),
    col('hours', 'number', 'Сағат саны', 'Часов', ['Hours stayed that day.', 'Сол күні болған сағаттар.', 'Часов пребывания в этот день.'], { whenAbsent: 'empty' }),
  ], { register: true }),

  sheet('menus', 'Мәзір', 'Меню', ['residential', 'day_care'],
    ['Menus: seasonal 14-day menus and weekly menus, one row per day (and meal).', 'Мәзір: 14 күндік маусымдық және апталық мәзір, әр күнге (тамаққа) бір жол.', 'Меню: 14-дневное сезонное и недельное, строка на день (прием пищи).'], [
    col('menu_kind', 'enum', 'Мәзір түрі', 'Вид меню', ['Seasonal 14-day or weekly menu.', '14 күндік маусымдық немесе апталық мәзір.', '14-дневное сезонное или недельное меню.'], { required: true, enum: 'menu_kind' }),
    col('season', 'enum', 'Маусым', 'Сезон', ['Season of a 14-day menu.', '14 күндік мәзірдің маусымы.', 'Сезон 14-дневного меню.'], { enum: 'season', whenAbsent: 'not-evaluated' }),
    col('week_start', 'date', 'Апта басы', 'Начало недели', ['Monday of the week (weekly menus).', 'Аптаның дүйсенбісі (апталық мәзір).', 'Понедельник недели (недельное меню).'], { whenAbsent: 'not-evaluated' }),
    col('day_no', 'int', 'Күн нөмірі', 'Номер дня', ['Day number in the menu (1–14 or 1–7).', 'Мәзірдегі күн нөмірі (1–14 немесе 1–7).', 'Номер дня в меню (1–14 или 1–7).'], { required: true, min: 1 }),
    col('meal', 'text', 'Тамақтану', 'Прием пищи', ['Meal (breakfast, lunch, …).', 'Тамақтану (таңғы ас, түскі ас, …).', 'Прием пищи (завтрак, обед, …).'], { whenAbsent: 'empty' }),
    col('dish', 'text', 'Тағам', 'Блюдо', ['Dish.', 'Тағам.', 'Блюдо.'], { whenAbsent: 'empty' }),
    col('approved_by', 'enum', 'Бекіткен', 'Кем утверждено', ['Who approved the menu.', 'Мәзірді кім бекітті.', 'Кем утверждено меню.'], { enum: 'role', whenAbsent: 'not-evaluated' }),
    col('approved_on', 'date', 'Бекітілген күні', 'Дата утверждения', ['Date the menu was approved.', 'Мәзір бекітілген күн.', 'Дата утверждения меню.'], { whenAbsent: 'not-evaluated' }),
  ]),

  sheet('complaint_reviews', 'Шағымдар кітабын қарау', 'Рассмотрение книги жалоб', ALL,
    ['One row per review of the complaints and suggestions book.', 'Шағымдар мен ұсыныстар кітабын әр қарауға бір жол.', 'Строка на каждое рассмотрение книги жалоб и предложений.'], [
    dateCol(['Date of the review.', 'Қарау күні.', 'Дата рассмотрения.']),
    col('reviewer_role', 'enum', 'Қараған', 'Кем рассмотрено', ['Role of the reviewer.', 'Қараушының лауазымы.', 'Должность рассмотревшего.'], { required: true, enum: 'role' }),
    col('reviewer_name', 'text', 'Қараушының Т.А.Ә.', 'ФИО рассмотревшего', ['Name of the reviewer.', 'Қараушының тегі, аты.', 'ФИО рассмотревшего.'], { whenAbsent: 'empty' }),
  ]),

  sheet('documents', 'Құжаттар', 'Документы', ALL,
    ['One row per document in a child\'s file.', 'Бала ісіндегі әр құжатқа бір жол.', 'Строка на каждый документ в деле ребенка.'], [
    childRef(true),
    col('document', 'enum', 'Құжат', 'Документ', ['Kind of document.', 'Құжаттың түрі.', 'Вид документа.'], { required: true, enum: 'document' }),
    col('received_on', 'date', 'Алынған күні', 'Дата получения', ['Date received.', 'Алынған күні.', 'Дата получения.'], { whenAbsent: 'empty' }),
  ]),

  sheet('leaves', 'Уақытша кету', 'Временный выезд', ['residential'],
    ['One row per temporary leave of a child (home visits).', 'Баланың әр уақытша кетуіне бір жол.', 'Строка на каждый временный выезд ребенка.'], [
    childRef(true),
    ...fromTo(['leave', 'Кетудің', 'выезда']),
    col('parent_application', 'bool', 'Ата-ана өтініші', 'Заявление родителей', ['Is there a parent\'s application (yes/no)?', 'Ата-ананың өтініші бар ма (иә/жоқ)?', 'Есть ли заявление родителей (да/нет)?'], { whenAbsent: 'not-evaluated' }),
    doctorConclusion,
    orderNo(['leave', 'Уақытша кету', 'временном выезде']),
  ]),

  sheet('referrals', 'Басқа ұйымға жіберу', 'Направления', ['residential'],
    ['One row per referral of a child to another organisation.', 'Баланы басқа ұйымға әр жіберуге бір жол.', 'Строка на каждое направление ребенка в другую организацию.'], [
    childRef(true),
    ...fromTo(['referral', 'Жіберудің', 'направления']),
    col('organisation', 'text', 'Ұйым', 'Организация', ['Receiving organisation.', 'Қабылдаушы ұйым.', 'Принимающая организация.'], { whenAbsent: 'empty' }),
    doctorConclusion,
    col('written_commitment', 'bool', 'Жазбаша міндеттеме', 'Письменное обязательство', ['Did the receiver give a written commitment (yes/no)?', 'Қабылдаушының жазбаша міндеттемесі бар ма (иә/жоқ)?', 'Есть ли письменное обязательство принимающей стороны (да/нет)?'], { whenAbsent: 'not-evaluated' }),
    orderNo(['referral', 'Басқа ұйымға жіберу', 'направлении в другую организацию']),
  ]),

  sheet('vehicles', 'Көлік', 'Транспорт', ['residential'],
    ['One row per vehicle carrying children.', 'Балаларды тасымалдайтын әр көлікке бір жол.', 'Строка на каждое транспортное средство.'], [
    col('vehicle_id', 'id', 'Көлік коды', 'Код транспорта', ['A unique vehicle code.', 'Көліктің бірегей коды.', 'Уникальный код транспорта.'], { required: true, unique: true }),
    col('carries_musculoskeletal', 'bool', 'Тірек-қимыл аппараты бұзылған балаларды тасиды', 'Перевозит детей с нарушениями ОДА',
      ['Carries children with musculoskeletal disorders (yes/no).', 'Тірек-қимыл аппараты бұзылған балаларды тасиды ма (иә/жоқ).', 'Перевозит ли детей с нарушениями ОДА (да/нет).'], { whenAbsent: 'empty' }),
    col('seat_belts', 'bool', 'Қауіпсіздік белдіктері', 'Ремни безопасности', ['Has seat belts (yes/no).', 'Қауіпсіздік белдіктері бар ма (иә/жоқ).', 'Есть ли ремни безопасности (да/нет).'], { whenAbsent: 'not-evaluated' }),
  ]),

  sheet('rooms', 'Кабинеттер', 'Кабинеты', ['residential', 'day_care'],
    ['One row per room used for work with children.', 'Балалармен жұмыс істейтін әр кабинетке бір жол.', 'Строка на каждый кабинет для работы с детьми.'], [
    col('room_id', 'id', 'Кабинет', 'Кабинет', ['A unique room code.', 'Кабинеттің бірегей коды.', 'Уникальный код кабинета.'], { required: true, unique: true }),
    col('purpose', 'enum', 'Мақсаты', 'Назначение', ['What the room is for.', 'Кабинеттің мақсаты.', 'Назначение кабинета.'], { enum: 'room_purpose', whenAbsent: 'not-evaluated' }),
    col('passport', 'bool', 'Кабинет паспорты', 'Паспорт кабинета', ['Has a room passport (yes/no).', 'Кабинет паспорты бар ма (иә/жоқ).', 'Есть ли паспорт кабинета (да/нет).'], { whenAbsent: 'not-evaluated' }),
  ]),

  sheet('contracts', 'Шарттар', 'Договоры', ALL,
    ['One row per contract with a child\'s family (several rows for renewals).', 'Баланың отбасымен жасалған әр шартқа бір жол (ұзартылса — бірнеше жол).', 'Строка на каждый договор с семьей ребенка (при продлении — несколько строк).'], [
    childRef(true),
    col('contract_no', 'text', 'Шарт нөмірі', 'Номер договора', ['Contract number.', 'Шарттың нөмірі.', 'Номер договора.'], { whenAbsent: 'empty' }),
    col('signed_on', 'date', 'Жасалған күні', 'Дата заключения', ['Date signed.', 'Шарт жасалған күні.', 'Дата заключения.'], { whenAbsent: 'empty' }),
    col('valid_until', 'date', 'Мерзімі', 'Срок действия', ['Last day of the contract\'s term.', 'Шарт мерзімінің соңғы күні.', 'Последний день срока договора.'], { whenAbsent: 'not-evaluated' }),
    col('periodicity', 'text', 'Кезеңділігі', 'Периодичность', ['How often services are given.', 'Қызмет көрсету кезеңділігі.', 'Периодичность оказания услуг.'], { whenAbsent: 'not-evaluated' }),
    col('service_types', 'text', 'Қызмет түрлері', 'Виды услуг', ['Kinds of services.', 'Қызмет түрлері.', 'Виды услуг.'], { whenAbsent: 'not-evaluated' }),
    col('social_worker', 'text', 'Бекітілген әлеуметтік қызметкер', 'Закрепленный социальный работник', ['Name of the assigned social worker.', 'Бекітілген әлеуметтік қызметкердің тегі мен аты.', 'ФИО закрепленного социального работника.'], { whenAbsent: 'not-evaluated' }),
    col('termination_conditions', 'bool', 'Бұзылу жағдайлары', 'Условия расторжения', ['States termination conditions (yes/no).', 'Бұзылу жағдайлары көрсетілген бе (иә/жоқ).', 'Указаны ли условия расторжения (да/нет).'], { whenAbsent: 'not-evaluated' }),
    col('responsibilities', 'bool', 'Тараптардың жауапкершілігі', 'Ответственность сторон', ['States the parties\' responsibilities (yes/no).', 'Тараптардың жауапкершілігі көрсетілген бе (иә/жоқ).', 'Указана ли ответственность сторон (да/нет).'], { whenAbsent: 'not-evaluated' }),
    col('payment_terms', 'bool', 'Ақы төлеу шарттары', 'Условия оплаты', ['States payment terms (yes/no).', 'Ақы төлеу шарттары көрсетілген бе (иә/жоқ).', 'Указаны ли условия оплаты (да/нет).'], { whenAbsent: 'not-evaluated' }),
    col('regime', 'text', 'Болу режимі', 'Режим пребывания', ['Day care: the daily stay regime the contract states.', 'Жартылай стационар: шартта көрсетілген күндізгі болу режимі.', 'Полустационар: режим дневного пребывания, указанный в договоре.'], { whenAbsent: 'not-evaluated' }),
    col('extension_terms', 'bool', 'Шартты ұзарту шарттары', 'Условия продления', ['Paid contract: states the terms of its extension (yes/no).', 'Ақылы шарт: ұзарту шарттары көрсетілген бе (иә/жоқ).', 'Платный договор: указаны ли условия продления (да/нет).'], { whenAbsent: 'not-evaluated' }),
  ]),

  sheet('visits', 'Бару кестесі', 'График посещений', ['home_care'],
    ['One row per home visit to a child.', 'Балаға әр баруға бір жол.', 'Строка на каждое посещение ребенка на дому.'], [
    childRef(true),
    dateCol(['Date of the visit.', 'Бару күні.', 'Дата посещения.']),
    col('staff_id', 'id', 'Қызметкер коды', 'Код сотрудника', ['Staff code of the visitor.', 'Барған қызметкердің коды.', 'Код посетившего сотрудника.'], { references: STAFF, whenAbsent: 'empty' }),
  ]),

  sheet('services_journal', 'Қызметтер есебінің журналы', 'Журнал учета услуг', ['home_care'],
    ['One row per child per month of the services journal.', 'Қызметтер есебі журналының әр балаға әр айға бір жолы.', 'Строка журнала учета услуг на ребенка за месяц.'], [
    childRef(true),
    col('month', 'month', 'Ай', 'Месяц', ['Month (2010-03 or any date inside it).', 'Ай (2010-03 немесе сол айдың кез келген күні).', 'Месяц (2010-03 или любая дата внутри месяца).'], { required: true }),
    col('handed_over_on', 'date', 'Тапсырылған күні', 'Дата сдачи', ['Date the journal was handed over.', 'Журнал тапсырылған күн.', 'Дата сдачи журнала.'], { whenAbsent: 'empty' }),
  ]),

  sheet('records', 'Іс-қағаздар', 'Делопроизводство', ALL,
    ['Record keeping: work plans, registration journal, complaints book.', 'Іс-қағаздар: жұмыс жоспарлары, тіркеу журналы, шағымдар кітабы.', 'Делопроизводство: планы работы, журнал регистрации, книга жалоб.'], [
    col('record', 'enum', 'Құжат түрі', 'Вид документа', ['Kind of record.', 'Құжаттың түрі.', 'Вид документа.'], { required: true, enum: 'record' }),
    col('period', 'text', 'Кезең', 'Период', ['Period it covers: 2010, 2010-Q1, or empty.', 'Қамтитын кезең: 2010, 2010-Q1 немесе бос.', 'Период: 2010, 2010-Q1 или пусто.'], { whenAbsent: 'not-evaluated' }),
    col('present', 'bool', 'Бар', 'Наличие', ['The record exists (yes/no).', 'Құжат бар ма (иә/жоқ).', 'Имеется ли документ (да/нет).'], { whenAbsent: 'not-evaluated' }),
    col('numbered_bound_sealed', 'bool', 'Нөмірленген, тігілген, мөрленген', 'Пронумерован, прошит, опечатан', ['Numbered, bound and sealed (yes/no).', 'Нөмірленген, тігілген және мөрленген бе (иә/жоқ).', 'Пронумерован, прошит и опечатан ли (да/нет).'], { whenAbsent: 'not-evaluated' }),
  ]),

  sheet('suspensions', 'Тоқтата тұру', 'Приостановления', ['home_care'],
    ['One row per suspension of home care while the child is in residential or day care (an empty sheet: none).', 'Бала стационарда немесе жартылай стационарда болған кезде үйде қызмет көрсетуді әр тоқтата тұруға бір жол (бос парақ — болған жоқ).', 'Строка на каждое приостановление надомного обслуживания на время пребывания ребенка в стационаре или полустационаре (пустой лист — не было).'], [
    childRef(true),
    ...fromTo(['suspension', 'Тоқтата тұрудың', 'приостановления']),
    col('reason', 'enum', 'Себебі', 'Причина', ['Where the child was meanwhile.', 'Бала сол кезде қайда болды.', 'Где ребенок находился в это время.'], { enum: 'suspension', whenAbsent: 'empty' }),
  ]),
];
