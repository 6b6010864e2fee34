// The enums of the workbook contract (listed in docs/workbook.md). A value's code is canonical: it is
// what JSON reports and rule files hold, and it is always accepted in a workbook. kk/ru/en list the labels
// people read and write; the first of each language is the one templates write and reports show.
import type { EnumDef, EnumValueDef } from './types.ts';

/** code, Kazakh, Russian and English labels (`/`-free lists; the first label of each is the template's). */
type ValueRow = readonly [code: string, kk: readonly string[], ru: readonly string[], en: readonly string[]];

function enumDef(id: string, rows: readonly ValueRow[]): EnumDef {
  const values: EnumValueDef[] = rows.map(([code, kk, ru, en]) => ({ code, labels: { kk, ru, en } }));
  return { id, values };
}

export const ENUMS: readonly EnumDef[] = [
  enumDef('kind', [
    ['residential', ['стационар'], ['стационар'], ['residential care']],
    ['home_care', ['үйде қызмет көрсету'], ['надомное обслуживание'], ['home care']],
    ['day_care', ['жартылай стационар'], ['полустационар'], ['day care']],
  ]),
  enumDef('ownership', [
    ['state', ['мемлекеттік'], ['государственная'], ['state']],
    ['private', ['жеке'], ['частная'], ['private']],
  ]),
  enumDef('sex', [
    ['m', ['ұл', 'ер'], ['м', 'муж'], ['boy', 'male']],
    ['f', ['қыз', 'әйел'], ['ж', 'жен'], ['girl', 'female']],
  ]),
  enumDef('funding', [
    ['budget', ['бюджет'], ['бюджет'], ['budget-funded']],
    ['paid', ['ақылы'], ['платно'], ['paid']],
  ]),
  enumDef('category', [
    ['disabled', ['мүгедек бала'], ['ребенок-инвалид'], ['disabled child']],
    ['limited_abilities', ['мүмкіндігі шектеулі'], ['с ограниченными возможностями'], ['limited abilities']],
    ['at_risk', ['қатер тобы'], ['группа риска'], ['at risk']],
  ]),
  enumDef('age_band', [
    ['3-5', ['3-5'], ['3-5'], ['3-5']],
    ['6-8', ['6-8'], ['6-8'], ['6-8']],
    ['9-13', ['9-13'], ['9-13'], ['9-13']],
    ['14-18', ['14-18'], ['14-18'], ['14-18']],
  ]),
  enumDef('skill', [
    ['none', ['дағдылары жоқ'], ['навыки отсутствуют'], ['no self-care skills']],
    ['self_care', ['өзіне өзі қызмет көрсету'], ['самообслуживание'], ['self-care skills']],
    ['household', ['тұрмыстық дағдылар'], ['бытовые навыки'], ['household skills']],
    ['manual', ['қол еңбегі'], ['ручной труд'], ['manual work skills']],
  ]),
  enumDef('entry', [
    ['quarterly_monitoring', ['тоқсандық мониторинг'], ['ежеквартальный мониторинг'], ['quarterly monitoring']],
    ['interim_assessment', ['аралық бағалау'], ['промежуточная оценка'], ['interim assessment']],
    ['internal_control', ['ішкі бақылау'], ['внутренний контроль'], ['internal control']],
    ['psychological_session', ['психологиялық сабақ'], ['психологическое занятие'], ['psychological session']],
    ['other', ['басқа'], ['другое'], ['other']],
  ]),
  enumDef('menu_kind', [
    ['seasonal_14_day', ['14 күндік маусымдық'], ['14-дневное сезонное'], ['14-day seasonal']],
    ['weekly', ['апталық'], ['недельное'], ['weekly']],
  ]),
  enumDef('season', [
    ['spring_summer', ['көктем-жаз'], ['весна-лето'], ['spring-summer']],
    ['autumn_winter', ['күз-қыс'], ['осень-зима'], ['autumn-winter']],
  ]),
  enumDef('room_purpose', [
    ['group_work', ['топтық жұмыс'], ['групповая работа'], ['group work']],
    ['individual_work', ['жеке жұмыс'], ['индивидуальная работа'], ['individual work']],
    ['other', ['басқа'], ['другое'], ['other']],
  ]),
  enumDef('record', [
    ['annual_work_plan', ['жылдық жұмыс жоспары'], ['годовой план работы'], ['annual work plan']],
    ['quarterly_work_plan', ['тоқсандық жұмыс жоспары'], ['квартальный план работы'], ['quarterly work plan']],
    ['registration_journal', ['тіркеу журналы'], ['журнал регистрации'], ['registration journal']],
    ['complaint_book', ['шағымдар мен ұсыныстар кітабы'], ['книга жалоб и предложений'], ['complaints and suggestions book']],
  ]),
  enumDef('role', [
    ['head', ['басшы'], ['руководитель', 'директор'], ['head', 'director']],
    ['department_head', ['бөлімше меңгерушісі'], ['заведующий отделением'], ['head of department']],
    ['authorized_body', ['уәкілетті орган'], ['уполномоченный орган'], ['authorised body']],
    ['local_executive_body', ['жергілікті атқарушы орган'], ['местный исполнительный орган', 'акимат'], ['local executive body', 'akimat']],
    ['founder', ['құрылтайшы'], ['учредитель'], ['founder']],
    ['social_work_specialist', ['әлеуметтік жұмыс жөніндегі маман'], ['специалист по социальной работе'], ['social work specialist']],
    ['social_work_consultant', ['әлеуметтік жұмыс жөніндегі консультант'], ['консультант по социальной работе'], ['social work consultant']],
    ['care_social_worker', ['күтім жөніндегі әлеуметтік қызметкер'], ['социальный работник по уходу'], ['care social worker']],
    ['methodologist', ['әдіскер'], ['методист'], ['methodologist']],
    ['defectologist', ['дефектолог мұғалім'], ['учитель-дефектолог'], ['teacher-defectologist']],
    ['sensory_defectologist', ['сенсорлық дамыту жөніндегі дефектолог мұғалім'], ['учитель-дефектолог по сенсорному развитию'], ['teacher-defectologist for sensory development']],
    ['speech_therapist', ['логопед'], ['логопед'], ['speech therapist']],
    ['psychologist', ['психолог'], ['психолог'], ['psychologist']],
    ['neuropathologist', ['невропатолог'], ['невропатолог'], ['neuropathologist']],
    ['psychotherapist', ['психотерапевт'], ['психотерапевт'], ['psychotherapist']],
    ['lfk_instructor', ['емдік шынықтыру инструкторы'], ['инструктор ЛФК'], ['therapeutic exercise instructor']],
    ['labour_instructor', ['еңбек жөніндегі инструктор'], ['инструктор по труду'], ['labour instructor']],
    ['pe_instructor', ['дене шынықтыру жөніндегі инструктор'], ['инструктор по физкультуре'], ['physical education instructor']],
    ['music_worker', ['ән-күй қызметкері'], ['музыкальный работник'], ['music worker']],
    ['massage_nurse', ['массаж жөніндегі медбике'], ['медсестра по массажу'], ['massage nurse']],
    ['nurse', ['медбике'], ['медсестра'], ['nurse']],
    ['doctor', ['дәрігер'], ['врач'], ['doctor']],
    ['kitchen_worker', ['ас үй мен асхана қызметкері'], ['работник кухни и столовой'], ['kitchen and dining room worker']],
    ['teaching_support', ['оқу-қосалқы қызметкер'], ['учебно-вспомогательный персонал'], ['teaching support staff']],
    ['other', ['басқа'], ['другое'], ['other']],
  ]),
  enumDef('document', [
    ['local_exec_decision', ['жергілікті атқарушы органның шешімі'], ['решение местного исполнительного органа'], ['decision of the local executive body']],
    ['parent_application', ['ата-анасының өтініші'], ['заявление родителей'], ["parent's application"]],
    ['medical_org_petition', ['медициналық ұйымның қолдаухаты'], ['ходатайство медицинской организации'], ['petition of a medical organisation']],
    ['referral', ['уәкілетті органның жолдамасы'], ['направление уполномоченного органа'], ['referral of the authorised body']],
    ['birth_certificate_or_id', ['туу туралы куәлік немесе жеке куәлік'], ['свидетельство о рождении или удостоверение личности'], ['birth certificate or identity card']],
    ['birth_certificate_copy', ['туу туралы куәліктің көшірмесі'], ['копия свидетельства о рождении'], ['copy of the birth certificate']],
    ['taxpayer_number', ['салық төлеушінің тіркеу нөмірі'], ['РНН'], ['taxpayer registration number (RNN)', 'RNN']],
    ['social_id_code', ['әлеуметтік жеке код'], ['СИК'], ['social identification code (SIK)', 'SIK']],
    ['disability_extract', ['мүгедектігі туралы анықтамадан үзінді көшірме'], ['выписка из справки об инвалидности'], ['extract from the disability certificate']],
    ['medical_card', ['медициналық карта'], ['медицинская карта'], ['medical card']],
    ['pmpk_conclusion', ['ПМПК қорытындысы'], ['заключение ПМПК'], ['PMPK conclusion']],
    ['outpatient_extract', ['амбулаторлық картадан үзінді көшірме'], ['выписка из амбулаторной карты'], ['extract from the outpatient card']],
    ['ipr_extract', ['оңалтудың жеке бағдарламасынан үзінді көшірме'], ['выписка из ИПР'], ['extract from the individual rehabilitation programme', 'IPR extract']],
    ['residence_certificate', ['тұратын жерінен анықтама'], ['справка с места жительства'], ['certificate of residence']],
    ['medical_certificate', ['медициналық анықтама'], ['медицинская справка'], ['medical certificate']],
    ['housing_inspection_act', ['тұрғын үй жағдайларын зерттеп-тексеру актісі'], ['акт обследования жилищно-бытовых условий'], ['housing conditions inspection act']],
    ['parent_id_copy', ['ата-анасының жеке куәлігінің көшірмесі'], ['копия удостоверения личности родителя'], ["copy of a parent's identity card"]],
    ['continuation_decision', ['жергілікті атқарушы органның қызмет көрсетуді жалғастыру туралы шешімі'], ['решение местного исполнительного органа о продолжении обслуживания'], ['decision of the local executive body to continue services']],
  ]),
  enumDef('contraindication', [
    ['schizophrenia_productive', ['өнімді симптоматикалы шизофрения'], ['шизофрения с продуктивной симптоматикой'], ['schizophrenia with productive symptoms']],
    ['epilepsy_frequent', ['жиі ұстамалы эпилепсия'], ['эпилепсия с частыми приступами'], ['epilepsy with frequent seizures']],
    ['psychopathy_like', ['психопатияға ұқсас симптоматика'], ['психопатоподобная симптоматика'], ['psychopathy-like symptoms']],
    ['dangerous_mental_illness', ['қауіпті психикалық ауру'], ['опасное психическое заболевание'], ['dangerous mental illness']],
    ['tb_active', ['белсенді туберкулез'], ['активный туберкулез'], ['active tuberculosis']],
    ['quarantine_infection', ['карантинді инфекция'], ['карантинная инфекция'], ['quarantine infection']],
    ['contagious_skin_hair', ['тері мен шаштың жұқпалы аурулары'], ['заразные болезни кожи и волос'], ['contagious skin and hair diseases']],
    ['venereal', ['венерологиялық ауру'], ['венерическое заболевание'], ['venereal disease']],
    ['aids', ['ЖҚТБ'], ['СПИД'], ['AIDS']],
    ['specialized_treatment', ['мамандандырылған емдеуді талап ететін ауру'], ['заболевание, требующее специализированного лечения'], ['disease requiring specialised treatment']],
  ]),
  enumDef('suspension', [
    ['residential_stay', ['стационарда болу'], ['пребывание в стационаре'], ['stay in residential care']],
    ['day_care_stay', ['жартылай стационарда болу'], ['пребывание в полустационаре'], ['stay in day care']],
  ]),
];
