import { formatKronor, isOre } from '../domain/money.ts';
import { LEGAL_FORM_LABELS, ORG_NUMBER_GROUP_LABELS } from './labels.ts';

/** Messages the server sends back, in both languages. {{name}} is filled from params. */
export type Lang = 'sv' | 'en';
export const LANGS: readonly Lang[] = ['sv', 'en'];

type Catalogue = Record<string, { sv: string; en: string }>;

export const messages = {
  validation_failed: { sv: 'Kontrollera uppgifterna i formuläret.', en: 'Please check the form.' },
  required: { sv: 'Fyll i det här fältet.', en: 'Please fill in this field.' },
  too_short: { sv: 'Skriv minst {{limit}} tecken.', en: 'Use at least {{limit}} characters.' },
  too_long: { sv: 'Skriv högst {{limit}} tecken.', en: 'Use at most {{limit}} characters.' },
  invalid_email: { sv: 'Ange en giltig e-postadress, t.ex. namn@forening.se.', en: 'Enter a valid e-mail address, e.g. name@association.se.' },
  invalid_value: { sv: 'Värdet är inte giltigt här.', en: 'This value is not valid here.' },
  invalid_choice: { sv: 'Välj ett av alternativen.', en: 'Choose one of the options.' },
  invalid_format: { sv: 'Värdet har fel format.', en: 'The value has the wrong format.' },
  unknown_field: { sv: 'Fältet {{name}} hör inte hemma här.', en: 'The field {{name}} does not belong here.' },
  org_number_invalid: {
    sv: 'Organisationsnumret ”{{value}}” är inte giltigt. Det har tio siffror, t.ex. 802000-1234; kontrollera att du skrivit av det rätt.',
    en: 'The organisation number “{{value}}” is not valid. It has ten digits, e.g. 802000-1234; check that it was copied correctly.',
  },
  org_number_personal: {
    sv: '”{{value}}” är ett personnummer, inte ett organisationsnummer: i ett organisationsnummer är tredje och fjärde siffran 20 eller högre, i ett personnummer är de en månad. Föreningens organisationsnummer står i stadgarna, på beslutet från Skatteverket eller hos banken.',
    en: '“{{value}}” is a personal identity number, not an organisation number: in an organisation number the third and fourth digits are 20 or more, in a personal number they are a month. The association’s organisation number is in its statutes, on the Tax Agency’s decision or at its bank.',
  },
  org_number_form_mismatch: {
    sv: 'Organisationsnummer som börjar på {{digit}} ges till {{digit|group}}, men organisationsformen är {{legalForm|form}}. Kontrollera numret, eller välj rätt organisationsform.',
    en: 'Organisation numbers starting with {{digit}} are given to {{digit|group}}, but the legal form chosen is {{legalForm|form}}. Check the number, or choose the right legal form.',
  },
  organisation_exists: {
    sv: 'En organisation med organisationsnummer {{orgNumber}} finns redan i Samverka. Be någon som redan är medlem att bjuda in dig.',
    en: 'An organisation with organisation number {{orgNumber}} is already registered. Ask one of its members to invite you.',
  },
  legal_form_invalid: { sv: 'Välj organisationsform.', en: 'Choose the legal form.' },
  email_taken: {
    sv: 'Det finns redan ett konto med den e-postadressen. Logga in i stället, eller återställ lösenordet.',
    en: 'There is already an account with that e-mail address. Sign in instead, or reset the password.',
  },
  password_too_short: { sv: 'Lösenordet behöver minst {{limit}} tecken.', en: 'The password needs at least {{limit}} characters.' },
  password_too_common: { sv: 'Lösenordet är för lätt att gissa. Välj ett annat.', en: 'That password is too easy to guess. Choose another.' },
  invalid_credentials: { sv: 'Fel e-postadress eller lösenord.', en: 'Wrong e-mail address or password.' },
  account_locked: {
    sv: 'Kontot är låst i {{minutes}} minuter efter för många misslyckade inloggningar. Vänta, eller återställ lösenordet.',
    en: 'The account is locked for {{minutes}} minutes after too many failed sign-ins. Wait, or reset the password.',
  },
  not_authenticated: { sv: 'Du behöver logga in.', en: 'You need to sign in.' },
  session_expired: {
    sv: 'Du har blivit utloggad eftersom sessionen gick ut. Logga in igen; det du skrivit finns kvar.',
    en: 'You were signed out because the session expired. Sign in again; what you typed is kept.',
  },
  csrf_invalid: {
    sv: 'Sidan har varit öppen för länge och behöver hämtas på nytt. Försök igen; det du skrivit finns kvar.',
    en: 'The page has been open too long and needs refreshing. Try again; what you typed is kept.',
  },
  forbidden: { sv: 'Du har inte behörighet att göra det här.', en: 'You are not allowed to do this.' },
  not_found: { sv: 'Det du söker finns inte.', en: 'What you are looking for does not exist.' },
  route_not_found: { sv: 'Adressen {{url}} finns inte i Samverkas API.', en: 'The address {{url}} does not exist in the Samverka API.' },
  invalid_json: { sv: 'Innehållet kunde inte läsas: det är inte giltig JSON.', en: 'The content could not be read: it is not valid JSON.' },
  unsupported_media_type: { sv: 'Innehållstypen {{type}} stöds inte här.', en: 'The content type {{type}} is not supported here.' },
  body_too_large: { sv: 'Det du skickade är för stort (högst {{limit}} kB).', en: 'What you sent is too large (at most {{limit}} kB).' },
  rate_limited: { sv: 'För många försök. Vänta en stund och försök igen.', en: 'Too many attempts. Wait a moment and try again.' },
  token_invalid: {
    sv: 'Länken är ogiltig eller har redan använts. Be om en ny länk.',
    en: 'The link is invalid or has already been used. Ask for a new link.',
  },
  token_expired: { sv: 'Länken har gått ut. Be om en ny länk.', en: 'The link has expired. Ask for a new link.' },
  already_member: { sv: '{{email}} har redan rollen {{role}} här.', en: '{{email}} already has the role {{role}} here.' },
  last_administrator: {
    sv: 'Det måste finnas minst en administratör kvar.',
    en: 'There must be at least one administrator left.',
  },
  oidc_not_configured: {
    sv: 'Inloggning via organisationens konto är inte uppsatt för {{funder}}.',
    en: 'Sign-in with the organisation account is not set up for {{funder}}.',
  },
  oidc_failed: {
    sv: 'Inloggningen via organisationens konto misslyckades. Försök igen eller kontakta din administratör.',
    en: 'Sign-in with the organisation account failed. Try again or contact your administrator.',
  },
  oidc_no_account: {
    sv: 'Det finns inget Samverka-konto för {{email}} hos {{funder}}. Be din administratör om en inbjudan.',
    en: 'There is no Samverka account for {{email}} at {{funder}}. Ask your administrator for an invitation.',
  },
  mailbox_disabled: {
    sv: 'Den lokala brevlådan finns bara i demo- och utvecklingsläge, när ingen e-postserver är inställd.',
    en: 'The local mailbox exists only in demo and development mode, when no mail server is configured.',
  },
  mailbox_local_only: {
    sv: 'Den lokala brevlådan kan bara läsas på datorn där Samverka körs, eftersom den innehåller bland annat länkar för att återställa lösenord.',
    en: 'The local mailbox can only be read on the machine Samverka runs on, since it holds password-reset links among other mails.',
  },
  idempotency_key_reused: {
    sv: 'Nyckeln ”{{key}}” (Idempotency-Key) har redan använts för en annan begäran. Använd en ny nyckel för varje ny begäran.',
    en: 'The key “{{key}}” (Idempotency-Key) was already used for a different request. Use a new key for each new request.',
  },
  idempotency_key_in_progress: {
    sv: 'En begäran med nyckeln ”{{key}}” (Idempotency-Key) behandlas fortfarande. Försök igen om en stund.',
    en: 'A request with the key “{{key}}” (Idempotency-Key) is still being handled. Try again in a moment.',
  },
  unavailable: { sv: 'Databasen svarar inte just nu.', en: 'The database is not answering right now.' },
  invalid_date: { sv: 'Ange ett datum som ÅÅÅÅ-MM-DD, t.ex. 2022-03-06.', en: 'Enter a date as YYYY-MM-DD, e.g. 2022-03-06.' },
  deadline_before_opening: {
    sv: 'Sista ansökningsdag kan inte ligga före öppningsdagen ({{opensOn}}).',
    en: 'The deadline cannot be before the opening date ({{opensOn}}).',
  },
  deadline_in_past: {
    sv: 'Sista ansökningsdag ({{deadline}}) har redan passerat. Välj ett datum från och med i dag ({{today}}).',
    en: 'The deadline ({{deadline}}) has already passed. Choose a date from today ({{today}}) on.',
  },
  amount_below_granted: {
    sv: 'Utlysningen har redan beviljat {{granted|kr}}. Beloppet kan inte bli mindre än så.',
    en: 'The call has already granted {{granted|kr}}. The amount cannot be less than that.',
  },
  amount_negative: { sv: 'Beloppet kan inte vara negativt.', en: 'The amount cannot be negative.' },
  max_below_min: { sv: 'Det högsta värdet kan inte vara lägre än det lägsta ({{min}}).', en: 'The maximum cannot be lower than the minimum ({{min}}).' },
  max_above_total: {
    sv: 'Högsta belopp per ansökan kan inte vara större än utlysningens totala belopp ({{total|kr}}).',
    en: 'The maximum per application cannot exceed the call’s total ({{total|kr}}).',
  },
  amount_exceeds_budget_line: {
    sv: 'Beloppet är större än vad som finns kvar på budgetposten: {{available|kr}}.',
    en: 'The amount is more than is left on the budget line: {{available|kr}}.',
  },
  budget_line_unknown: { sv: 'Välj en budgetpost hos den här bidragsgivaren.', en: 'Choose a budget line of this funder.' },
  grant_period_range: { sv: 'Bidragsperioden ska vara mellan 1 och 60 månader.', en: 'The grant period must be between 1 and 60 months.' },
  weight_positive: { sv: 'Vikten ska vara större än 0.', en: 'The weight must be more than 0.' },
  weights_sum: { sv: 'Vikterna ska tillsammans bli 100 %; nu blir de {{sum}} %.', en: 'The weights must add up to 100%; now they add up to {{sum}}%.' },
  required_to_publish: { sv: 'Fyll i det här innan utlysningen publiceras.', en: 'Fill this in before the call is published.' },
  question_text_missing: { sv: 'Frågan behöver en text.', en: 'The question needs a text.' },
  duplicate_question: { sv: 'Två frågor har samma id.', en: 'Two questions have the same id.' },
  choices_needed: { sv: 'Ett flervalsfält behöver minst två alternativ.', en: 'A choice question needs at least two options.' },
  condition_on_later_question: {
    sv: 'Villkoret måste gälla en fråga som kommer före den här.',
    en: 'The condition must refer to a question that comes before this one.',
  },
  condition_needs_choice: { sv: 'Villkor kan bara bygga på flervalsfrågor.', en: 'Conditions can only be based on choice questions.' },
  condition_unknown_option: { sv: 'Villkoret pekar på ett svarsalternativ som inte finns.', en: 'The condition refers to an option that does not exist.' },
  too_many_words: { sv: 'Högst {{limit}} ord; du har skrivit {{count}}.', en: 'At most {{limit}} words; you have written {{count}}.' },
  not_a_number: { sv: 'Skriv ett tal.', en: 'Enter a number.' },
  number_below_min: { sv: 'Talet ska vara minst {{limit}}.', en: 'The number must be at least {{limit}}.' },
  number_above_max: { sv: 'Talet får vara högst {{limit}}.', en: 'The number may be at most {{limit}}.' },
  whole_number: { sv: 'Skriv ett heltal, utan decimaler.', en: 'Enter a whole number, without decimals.' },
  survey_min_group_too_low: {
    sv: 'Aldrig lägre än {{limit}}: i en mindre grupp kan den som svarat kännas igen.',
    en: 'Never lower than {{limit}}: in a smaller group the people who answered could be recognised.',
  },
  end_before_start: { sv: 'Slutåret kan inte vara före startåret ({{start}}).', en: 'The end year cannot be before the start year ({{start}}).' },
  lines_needed: { sv: 'Lägg till minst en budgetpost.', en: 'Add at least one budget line.' },
  lines_must_sum: {
    sv: 'Budgetposterna blir tillsammans {{sum|kr}} men satsningen är på {{total|kr}}. De ska bli lika mycket.',
    en: 'The budget lines add up to {{sum|kr}} but the programme is {{total|kr}}. They must be equal.',
  },
  bankgiro_invalid: {
    sv: 'Bankgironumret ”{{value}}” stämmer inte (kontrollsiffran är fel). Det har 7 eller 8 siffror, t.ex. 5050-1055.',
    en: 'The bankgiro number “{{value}}” is not right (the check digit is wrong). It has 7 or 8 digits, e.g. 5050-1055.',
  },
  plusgiro_invalid: {
    sv: 'Plusgironumret ”{{value}}” stämmer inte (kontrollsiffran är fel).',
    en: 'The plusgiro number “{{value}}” is not right (the check digit is wrong).',
  },
  call_published: {
    sv: 'Utlysningen är publicerad. Ändringar görs nu som en ändring med motivering, så att sökande får veta.',
    en: 'The call is published. Changes are now made as an amendment with a reason, so applicants are told.',
  },
  call_not_published: { sv: 'Utlysningen är inte publicerad än.', en: 'The call is not published yet.' },
  nothing_changed: { sv: 'Ändringen ändrar ingenting i utlysningen.', en: 'The amendment changes nothing in the call.' },
  publish_incomplete: { sv: 'Utlysningen kan inte publiceras än: fyll i det som saknas.', en: 'The call cannot be published yet: fill in what is missing.' },
  file_too_large: { sv: 'Filen är för stor (högst {{limit}} MB).', en: 'The file is too large (at most {{limit}} MB).' },
  file_type_not_allowed: {
    sv: 'Filtypen stöds inte. Ladda upp PDF, Word, Excel, OpenDocument eller en bild (JPEG, PNG).',
    en: 'This file type is not accepted. Upload PDF, Word, Excel, OpenDocument or an image (JPEG, PNG).',
  },
  file_missing: { sv: 'Välj en fil att ladda upp.', en: 'Choose a file to upload.' },
  file_unknown: { sv: 'Filen finns inte eller tillhör en annan organisation.', en: 'The file does not exist or belongs to another organisation.' },
  file_unpacks_too_large: {
    sv: 'Filen packar upp sig till mer än {{limit}} MB och kan inte tas emot. Spara den som PDF eller dela upp den.',
    en: 'The file unpacks to more than {{limit}} MB and cannot be accepted. Save it as PDF or split it up.',
  },
  file_packed_too_tightly: {
    sv: 'Filen kan inte tas emot: en del av den packar upp sig till mer än {{ratio}} gånger sin storlek, vilket vanliga dokument inte gör. Spara den som PDF och försök igen.',
    en: 'The file cannot be accepted: part of it unpacks to more than {{ratio}} times its size, which ordinary documents do not. Save it as PDF and try again.',
  },
  file_too_many_parts: {
    sv: 'Filen består av fler än {{limit}} delar och kan inte tas emot. Spara den som PDF eller dela upp den.',
    en: 'The file is made up of more than {{limit}} parts and cannot be accepted. Save it as PDF or split it up.',
  },
  file_damaged: {
    sv: 'Filen verkar vara skadad och kan inte läsas. Spara den på nytt, gärna som PDF, och försök igen.',
    en: 'The file seems to be damaged and cannot be read. Save it again, preferably as PDF, and try again.',
  },
  file_one_at_a_time: {
    sv: 'Ladda upp en fil i taget. Den här uppladdningen innehöll mer än en fil.',
    en: 'Upload one file at a time. This upload contained more than one file.',
  },
  signed_in_as_other: {
    sv: 'Du är inloggad som {{email}}. Logga ut först för att skapa ett nytt konto med inbjudan.',
    en: 'You are signed in as {{email}}. Sign out first to create a new account with the invitation.',
  },
  amount_above_max: { sv: 'Högst {{max|kr}} kan sökas i den här utlysningen.', en: 'At most {{max|kr}} can be applied for in this call.' },
  amount_below_min: { sv: 'Minst {{min|kr}} behöver sökas i den här utlysningen.', en: 'At least {{min|kr}} must be applied for in this call.' },
  activities_needed: { sv: 'Lägg till minst en aktivitet.', en: 'Add at least one activity.' },
  activity_not_in_call: {
    sv: 'Den här aktiviteten ingår inte i utlysningen. Välj en annan eller föreslå en ny sort.',
    en: 'This activity is not part of the call. Choose another or propose a new kind.',
  },
  end_before_start_date: { sv: 'Slutdatumet kan inte vara före startdatumet ({{from}}).', en: 'The end date cannot be before the start date ({{from}}).' },
  budget_needed: { sv: 'Lägg till minst en budgetrad.', en: 'Add at least one budget row.' },
  financing_must_cover_budget: {
    sv: 'Sökt belopp, egen insats och annan finansiering blir {{financing|kr}}, men budgeten är {{total|kr}}. De ska bli lika mycket.',
    en: 'The amount applied for, own contribution and other funding add up to {{financing|kr}}, but the budget is {{total|kr}}. They must be equal.',
  },
  contact_needed: { sv: 'Ange minst en kontaktperson.', en: 'Give at least one contact person.' },
  declaration_needed: { sv: 'Bekräfta det här innan ansökan skickas in.', en: 'Confirm this before the application is submitted.' },
  attachment_missing: { sv: 'Bifoga den här handlingen.', en: 'Attach this document.' },
  deadline_passed: {
    sv: 'Ansökningstiden gick ut {{deadline}} kl. 23.59. Ansökan kan inte skickas in längre.',
    en: 'The application period ended on {{deadline}} at 23:59 Swedish time. The application can no longer be submitted.',
  },
  call_not_open: { sv: 'Utlysningen är inte öppen för ansökningar.', en: 'The call is not open for applications.' },
  call_upcoming: { sv: 'Utlysningen öppnar {{opensOn}}.', en: 'The call opens on {{opensOn}}.' },
  legal_form_not_eligible: { sv: 'Den här sortens organisation kan inte söka i utlysningen.', en: 'This kind of organisation cannot apply to this call.' },
  eligibility_approval_missing: {
    sv: 'Utlysningen kräver att organisationen är godkänd som bidragsberättigad av bidragsgivaren för i år.',
    en: 'The call requires the organisation to be approved as eligible for grants by the funder for this year.',
  },
  edit_conflict: {
    sv: '{{name}} ändrade ansökan {{at}} medan du skrev. Jämför och välj vad som ska sparas; inget av det du skrivit har försvunnit.',
    en: '{{name}} changed the application at {{at}} while you were writing. Compare and choose what to keep; nothing you typed is lost.',
  },
  application_exists: { sv: 'Organisationen har redan en ansökan i den här utlysningen.', en: 'The organisation already has an application in this call.' },
  application_not_draft: { sv: 'Ansökan är redan inskickad och kan inte ändras.', en: 'The application has been submitted and can no longer be changed.' },
  application_incomplete: { sv: 'Ansökan är inte klar att skicka in: se det som saknas.', en: 'The application is not ready to submit: see what is missing.' },
  application_decided: { sv: 'Ansökan är redan beslutad och kan inte tas tillbaka.', en: 'The application has been decided and can no longer be withdrawn.' },
  application_withdrawn: { sv: 'Ansökan är återtagen.', en: 'The application has been withdrawn.' },
  application_not_submitted: { sv: 'Ansökan är inte inskickad än.', en: 'The application has not been submitted yet.' },
  reply_by_past: { sv: 'Svarsdatumet måste ligga efter i dag.', en: 'The reply-by date must be after today.' },
  completion_answered: { sv: 'Kompletteringen är redan besvarad.', en: 'The request has already been answered.' },
  evidence_missing: {
    sv: 'Underlaget är inte komplett och kan inte godkännas än. Saknas: {{items}}. Be föreningen komplettera.',
    en: 'The evidence is not complete and cannot be approved yet. Missing: {{items}}. Ask the association for more.',
  },
  screening_rule_unsettled: { sv: 'Bekräfta eller ändra den här regeln.', en: 'Confirm or change this rule.' },
  override_reason_needed: {
    sv: 'Skriv varför du gör en annan bedömning än den automatiska kontrollen.',
    en: 'Say why you judge this differently from the automatic check.',
  },
  reviewer_unknown: { sv: 'Personen kan inte vara bedömare hos den här bidragsgivaren.', en: 'This person cannot review for this funder.' },
  reviewer_started: { sv: 'Bedömaren har redan börjat och kan inte tas bort.', en: 'The reviewer has already started and cannot be removed.' },
  not_assigned_reviewer: { sv: 'Du är inte bedömare för den här ansökan.', en: 'You are not a reviewer of this application.' },
  conflict_not_declared: {
    sv: 'Ange först om du är jävig eller inte. Du kan inte poängsätta innan dess.',
    en: 'First declare whether you have a conflict of interest. You cannot score before that.',
  },
  reviewer_has_conflict: {
    sv: 'Du har anmält jäv och kan inte bedöma ansökan eller se andras poäng.',
    en: 'You have declared a conflict of interest and cannot score the application or see others’ scores.',
  },
  conflict_declared: {
    sv: 'Du har anmält jäv; det kan inte ändras tillbaka. Kontakta handläggaren.',
    en: 'You have declared a conflict of interest; ask the caseworker to change it.',
  },
  conflict_note_needed: { sv: 'Beskriv kort vad jävet består i.', en: 'Describe briefly what the conflict of interest is.' },
  review_submitted: { sv: 'Bedömningen är redan inskickad och kan inte ändras.', en: 'The review has been submitted and can no longer be changed.' },
  score_required: { sv: 'Välj ett betyg från 1 till 5.', en: 'Choose a score from 1 to 5.' },
  score_out_of_range: { sv: 'Ge ett heltal från 1 till 5.', en: 'Give a whole number from 1 to 5.' },
  amount_above_requested: {
    sv: 'Beloppet får inte vara större än det sökta, {{requested|kr}}.',
    en: 'The amount may not exceed the {{requested|kr}} applied for.',
  },
  application_not_screened: { sv: 'Pröva först om ansökan uppfyller villkoren.', en: 'Screen the application against the conditions first.' },
  grant_for_ineligible: {
    sv: 'Ansökan uppfyller inte villkoren enligt prövningen, så bara avslag (0 kr) kan beslutas.',
    en: 'The screening found the application ineligible, so only a rejection (0 kr) can be decided.',
  },
  budget_exceeded: {
    sv: 'Beloppet ryms inte i budgeten. Det finns {{remaining|kr}} kvar att besluta om.',
    en: 'The amount does not fit the budget. {{remaining|kr}} is left to decide on.',
  },
  date_in_future: { sv: 'Datumet kan inte ligga efter i dag.', en: 'The date cannot be after today.' },
  date_in_past: { sv: 'Datumet kan inte ligga före i dag.', en: 'The date cannot be before today.' },
  account_four_digits: { sv: 'Ange kontot med fyra siffror, t.ex. 4590.', en: 'Enter the account as four digits, e.g. 4590.' },
  announced_before_decided: {
    sv: 'Protokollet kan inte anslås före beslutsdagen, {{decidedOn}}.',
    en: 'The minutes cannot be announced before the decision date, {{decidedOn}}.',
  },
  above_delegation: {
    sv: 'Belopp över {{limit|kr}} beslutas av nämnden, inte på delegation.',
    en: 'Amounts above {{limit|kr}} are decided by the committee, not under delegation.',
  },
  not_a_delegate: { sv: 'Du har ingen delegation att besluta ensam.', en: 'You have no delegation to decide alone.' },
  no_decisions_that_day: { sv: 'Inga nämndbeslut i utlysningen den {{date}}.', en: 'No committee decisions on the call on {{date}}.' },
  amount_only: { sv: '{{amount|kr}}', en: '{{amount|kr}}' },
  optimizer_funded_full: {
    sv: 'Föreslås med hela det sökta beloppet, {{amount|kr}} (poäng {{score}}).',
    en: 'Proposed in full, {{amount|kr}} (score {{score}}).',
  },
  optimizer_funded_partial: {
    sv: 'Föreslås delvis: {{amount|kr}}, {{share}} % av det som kan beviljas (poäng {{score}}).',
    en: 'Proposed in part: {{amount|kr}}, {{share}}% of what can be granted (score {{score}}).',
  },
  optimizer_capped_at_max: {
    sv: 'Sökte {{requested|kr}}, men utlysningen ger högst {{max|kr}}.',
    en: 'Applied for {{requested|kr}}, but the call grants at most {{max|kr}}.',
  },
  optimizer_partial_budget: {
    sv: 'Budgeten räcker inte till hela beloppet; detta är det som blev kvar.',
    en: 'The budget does not stretch to the full amount; this is what was left.',
  },
  optimizer_partial_constraint: { sv: 'Beloppet begränsas av: {{constraints}}.', en: 'The amount is limited by: {{constraints}}.' },
  optimizer_locked_in: { sv: 'Med därför att du låste in den: {{constraints}}.', en: 'In because you locked it in: {{constraints}}.' },
  optimizer_required_by_constraint: { sv: 'Med för att uppfylla: {{constraints}}.', en: 'In to meet: {{constraints}}.' },
  optimizer_locked_out: { sv: 'Utanför därför att du låste ute den: {{constraints}}.', en: 'Out because you locked it out: {{constraints}}.' },
  optimizer_out_bounds: {
    sv: 'Utlysningens lägsta belopp ({{min|kr}}) är högre än vad som kan beviljas ({{cap|kr}}).',
    en: 'The call’s minimum ({{min|kr}}) is more than can be granted ({{cap|kr}}).',
  },
  optimizer_out_min_score: {
    sv: 'Poängen {{score}} är under den lägsta du satte, {{minScore}}.',
    en: 'The score {{score}} is below the floor you set, {{minScore}}.',
  },
  optimizer_out_constraint: { sv: 'Utanför på grund av: {{constraints}}.', en: 'Out because of: {{constraints}}.' },
  optimizer_out_budget: {
    sv: 'Budgeten räcker inte: poängen {{score}} ger mindre per krona än de föreslagna, och det som är kvar ({{leftover|kr}}) når inte upp till minst {{minAmount|kr}}.',
    en: 'The budget does not stretch: the score {{score}} gives less per krona than those proposed, and what is left ({{leftover|kr}}) does not reach the least {{minAmount|kr}}.',
  },
  optimizer_out_combination: {
    sv: 'Ryms inte i den kombination som ger mest poäng inom budgeten (poäng {{score}}; {{leftover|kr}} blir över).',
    en: 'Does not fit the combination that gives the most score within the budget (score {{score}}; {{leftover|kr}} is left over).',
  },
  optimizer_within_gap: {
    sv: 'Lösaren stannade inom sin tolerans; här kunde {{gain}} poäng till ha vunnits.',
    en: 'The solver stopped within its tolerance; {{gain}} more score might have been had here.',
  },
  optimizer_not_scored: { sv: 'Har ingen inskickad bedömning än och kan inte vägas in.', en: 'Has no submitted review yet and cannot be weighed.' },
  optimizer_constraint_cost: { sv: '”{{constraint}}” sänker den viktade poängen med {{cost}}.', en: '“{{constraint}}” lowers the weighted score by {{cost}}.' },
  optimizer_constraint_displaces: {
    sv: '”{{constraint}}” tränger undan {{amount|kr}}: utan villkoret skulle de pengarna gå till andra ansökningar, och den viktade poängen bli {{cost}} högre.',
    en: '“{{constraint}}” displaces {{amount|kr}}: without it that money would go to other applications, and the weighted score would be {{cost}} higher.',
  },
  optimizer_constraint_free: {
    sv: '”{{constraint}}” kostar ingenting: förslaget blir inte bättre utan villkoret.',
    en: '“{{constraint}}” costs nothing: the suggestion would be no better without it.',
  },
  optimizer_infeasible: {
    sv: 'Villkoren går inte att uppfylla samtidigt inom budgeten. De som krockar: {{constraints}}. Ta bort eller ändra något av dem.',
    en: 'The constraints cannot all hold within the budget. Those in conflict: {{constraints}}. Remove or change one of them.',
  },
  optimizer_conflicting_constraint: { sv: 'Det här villkoret krockar med de andra markerade.', en: 'This constraint conflicts with the others marked.' },
  optimizer_no_answer: {
    sv: 'Optimeringen hann inte hitta något förslag. Försök med färre villkor.',
    en: 'The optimizer found no proposal in time. Try with fewer constraints.',
  },
  already_decided: { sv: 'Det här är redan avgjort.', en: 'This has already been decided.' },
  already_exists: { sv: 'Det finns redan.', en: 'It already exists.' },
  // Agreements
  agreement_exists: { sv: 'Det finns redan en överenskommelse för ansökan.', en: 'There is already an agreement for this application.' },
  no_grant_to_agree: {
    sv: 'Ansökan har inget beviljat bidrag att göra en överenskommelse om.',
    en: 'The application has no grant to make an agreement about.',
  },
  agreement_signed: {
    sv: 'Överenskommelsen är undertecknad och ändras bara genom en ändring med skäl.',
    en: 'The agreement is signed and can only be changed by an amendment with a reason.',
  },
  agreement_not_signed: {
    sv: 'Överenskommelsen är inte undertecknad än: ändra utkastet i stället.',
    en: 'The agreement is not signed yet: edit the draft instead.',
  },
  agreement_changed: {
    sv: 'Överenskommelsen har ändrats sedan du öppnade den. Läs igenom den nya versionen innan du undertecknar.',
    en: 'The agreement has changed since you opened it. Read the new version before you sign.',
  },
  agreement_incomplete: {
    sv: 'Överenskommelsen är inte färdig att undertecknas. Se vad som saknas.',
    en: 'The agreement is not ready to be signed. See what is missing.',
  },
  not_a_signatory: {
    sv: 'Du står inte som firmatecknare för föreningen. Föreningens firmatecknare enligt det godkända bidragsberättigandet: {{names}}.',
    en: 'You are not registered as a signatory of the association. Its signatories, as its approved eligibility names them: {{names}}.',
  },
  not_a_funder_signatory: {
    sv: 'Bara en delegat (beslutsfattare) kan underteckna för bidragsgivaren.',
    en: 'Only a delegate (decision-maker) can sign for the funder.',
  },
  already_signed: { sv: 'Du har redan undertecknat den här versionen.', en: 'You have already signed this version.' },
  signatory_email_required: { sv: 'Ange e-postadressen till firmatecknarens konto i Samverka.', en: "Enter the e-mail of the signatory's Samverka account." },
  period_end_before_start: { sv: 'Perioden måste sluta efter att den börjar.', en: 'The period must end after it starts.' },
  duplicate_party: { sv: 'Parten finns redan med.', en: 'This party is already included.' },
  organisation_party_required: { sv: 'Föreningen måste vara en av parterna.', en: 'The association must be one of the parties.' },
  one_responsible: { sv: 'Uppgiften ”{{task}}” behöver exakt en ansvarig part.', en: 'The task “{{task}}” needs exactly one responsible party.' },
  funder_contact_required: { sv: 'Ange en kontaktperson hos bidragsgivaren.', en: 'Enter a contact person at the funder.' },
  organisation_contact_required: { sv: 'Ange en kontaktperson i föreningen.', en: 'Enter a contact person in the association.' },
  too_many: { sv: 'Det är för många rader.', en: 'There are too many rows.' },
  amendment_unchanged: { sv: 'Ändringen ändrar ingenting i överenskommelsen.', en: 'The amendment changes nothing in the agreement.' },
  percent_sum: { sv: 'Delarna ska tillsammans bli 100 %, nu blir de {{sum}} %.', en: 'The parts must add up to 100%; now they add up to {{sum}}%.' },
  date_outside_period: { sv: 'Datumet ska ligga inom perioden {{from}}–{{to}}.', en: 'The date must be within the period {{from}}–{{to}}.' },
  too_many_parts: { sv: 'Högst {{max}} delbetalningar.', en: 'At most {{max}} instalments.' },
  nothing_to_pay: { sv: 'Det finns inget belopp att betala ut.', en: 'There is no amount to pay.' },
  instalment_not_conditional: { sv: 'Den här delbetalningen väntar inte på någon delrapport.', en: 'This instalment does not wait for an interim report.' },
  instalment_released: { sv: 'Delbetalningen är redan frisläppt.', en: 'The instalment has already been released.' },
  // Payout accounts and payments
  account_holder_mismatch: {
    sv: 'Kontot ska tillhöra organisationen själv: ange organisationsnumret {{orgNumber}} som kontohavare.',
    en: 'The account must belong to the organisation itself: give the organisation number {{orgNumber}} as the account holder.',
  },
  second_person_required: {
    sv: 'En annan person än den som angav kontot måste godkänna det.',
    en: 'Someone other than the person who entered the account must approve it.',
  },
  second_attest_required: {
    sv: 'En annan person än den som förberedde utbetalningen måste attestera den (beslutsattest).',
    en: 'Someone other than the person who prepared the run must approve it (the second attest).',
  },
  payment_run_pending: {
    sv: 'En utbetalning för överenskommelsen ligger i en förberedd utbetalningsomgång. Avbryt eller attestera omgången först.',
    en: 'A payment for this agreement is in a prepared payment run. Cancel or approve the run first.',
  },
  run_not_prepared: { sv: 'Utbetalningsomgången är redan attesterad eller avbruten.', en: 'The payment run has already been approved or cancelled.' },
  run_not_approved: { sv: 'Utbetalningsomgången är inte attesterad än.', en: 'The payment run has not been approved yet.' },
  nothing_due: { sv: 'Inget är förfallet till betalning för den dagen.', en: 'Nothing is due for payment by that day.' },
  not_a_bank_day: {
    sv: 'Välj en bankdag: {{date}} är helg eller helgdag. Nästa bankdag är {{next}}.',
    en: 'Choose a bank day: {{date}} is a weekend or holiday. The next bank day is {{next}}.',
  },
  payment_settings_missing: {
    sv: 'Ekonomi behöver först ange bidragsgivarens bankuppgifter (betalarens konto och avtals-id med banken).',
    en: "Finance first needs to enter the funder's bank details (the paying account and the agreement id with the bank).",
  },
  run_accounts_changed: {
    sv: 'Kontouppgifterna har ändrats för {{names}} sedan omgången förbereddes. Avbryt omgången och förbered en ny.',
    en: 'The account details have changed for {{names}} since the run was prepared. Cancel the run and prepare a new one.',
  },
  run_report_overdue: {
    sv: 'En uppföljningsrapport är försenad för överenskommelse {{agreements}}, och inget betalas ut förrän den är inlämnad. Avbryt omgången och förbered en ny.',
    en: 'A follow-up report is overdue on agreement {{agreements}}, and nothing is paid until it is submitted. Cancel the run and prepare a new one.',
  },
  bank_file_unreadable: {
    sv: 'Filen gick inte att läsa som ett svar från banken (pain.002 eller camt.054).',
    en: 'The file could not be read as an answer from the bank (pain.002 or camt.054).',
  },
  bank_file_unknown_payments: { sv: 'Filen gäller betalningar som Samverka inte känner till.', en: 'The file is about payments Samverka does not know.' },
  ledger_exceeds_granted: {
    sv: 'Beloppet är större än det som återstår av det beviljade bidraget: {{left|kr}} återstår.',
    en: 'The amount is more than what is left of the grant: {{left|kr}} is left.',
  },
  ledger_exceeds_paid: {
    sv: 'Återkravet är större än det som betalats ut och inte redan krävts tillbaka: {{left|kr}}.',
    en: 'The recovery is more than what was paid and not already reclaimed: {{left|kr}}.',
  },
  ledger_exceeds_owed: {
    sv: 'Beloppet är större än det som är kvar att betala tillbaka: {{left|kr}}.',
    en: 'The amount is more than what is left to pay back: {{left|kr}}.',
  },
  ledger_below_paid: {
    sv: 'Bidraget kan inte bli lägre än det som redan betalats ut eller är på väg: {{left|kr}} kan som mest dras av.',
    en: 'The grant cannot be less than what has been paid or is on its way: at most {{left|kr}} can be taken off.',
  },
  ledger_not_positive: { sv: 'Ange ett belopp större än noll.', en: 'Enter an amount greater than zero.' },
  recovery_pay_by_past: { sv: 'Sista betalningsdag kan inte ligga före beslutsdagen.', en: 'The pay-by date cannot be before the decision date.' },
  report_amount_absurd: {
    sv: 'Beloppet är orimligt stort (högst {{max|kr}}); kontrollera att det är skrivet i kronor.',
    en: 'The amount is unreasonably large (at most {{max|kr}}); check that it is written in kronor.',
  },
  report_count_whole: { sv: 'Ange ett heltal.', en: 'Enter a whole number.' },
  report_count_negative: { sv: 'Antalet kan inte vara negativt.', en: 'The number cannot be negative.' },
  report_count_absurd: {
    sv: 'Antalet är orimligt stort (högst {{max}}); kontrollera det.',
    en: 'The number is unreasonably large (at most {{max}}); please check it.',
  },
  too_many_items: { sv: 'Högst {{max}} får finnas här.', en: 'At most {{max}} are allowed here.' },
  report_row_does_not_add_up: {
    sv: 'Raden går inte ihop: av bidraget ({{fromGrant|kr}}) kan inte mer ha använts än vad som gick åt på raden ({{spent|kr}}).',
    en: 'The row does not add up: more cannot have come from the grant ({{fromGrant|kr}}) than was spent on the row ({{spent|kr}}).',
  },
  report_explanation_needed: {
    sv: 'Förklara varför: det som gick åt ({{spent|kr}}) skiljer sig mer än {{percent}} % från det planerade ({{planned|kr}}).',
    en: 'Explain why: what was spent ({{spent|kr}}) differs by more than {{percent}} % from what was planned ({{planned|kr}}).',
  },
  report_explanation_unplanned: {
    sv: 'Förklara vad pengarna gick till: raden fanns inte med i budgeten.',
    en: 'Explain what the money went to: the row was not in the budget.',
  },
  report_grant_above_paid: {
    sv: 'Av bidraget har {{paid|kr}} betalats ut hittills, men redovisningen tar upp {{used|kr}} från bidraget.',
    en: 'So far {{paid|kr}} of the grant has been paid, but the report uses {{used|kr}} from the grant.',
  },
  report_dates_or_frequency: {
    sv: 'Ange datum för aktiviteten eller hur ofta den hölls.',
    en: 'Enter the dates of the activity or how often it was held.',
  },
  report_not_editable: {
    sv: 'Rapporten är inlämnad och kan inte ändras nu. Handläggaren kan be om komplettering.',
    en: 'The report has been submitted and cannot be changed now. The caseworker can ask for more.',
  },
  report_incomplete: { sv: 'Rapporten kan inte lämnas in än: se fälten som är markerade.', en: 'The report cannot be submitted yet: see the fields marked.' },
  report_not_submitted: { sv: 'Rapporten är inte inlämnad.', en: 'The report has not been submitted.' },
  report_approved: { sv: 'Rapporten är redan godkänd.', en: 'The report has already been approved.' },
  report_due_reason_required: { sv: 'Skriv varför datumet flyttas; föreningen ser skälet.', en: 'Say why the date is moved; the association sees the reason.' },
  report_due_unchanged: { sv: 'Rapporten ska redan lämnas det datumet.', en: 'The report is already due on that date.' },
  recovery_report_not_final: {
    sv: 'Ett återkrav kan utgå från slutrapporten, inte från en delrapport.',
    en: 'A recovery can start from the final report, not from an interim report.',
  },
  recovery_report_approved: {
    sv: 'Slutrapporten är godkänd; ett återkrav kan inte utgå från den.',
    en: 'The final report is approved; a recovery cannot start from it.',
  },
  survey_not_found: {
    sv: 'Vi hittar ingen enkät på den adressen. Kontrollera länken, eller skanna QR-koden på affischen igen.',
    en: 'There is no survey at that address. Check the link, or scan the QR code on the poster again.',
  },
  survey_closed: {
    sv: 'Enkäten är stängd och tar inte emot fler svar. Tack för att du ville svara!',
    en: 'The survey is closed and takes no more answers. Thank you for wanting to answer!',
  },
  survey_empty: { sv: 'Svara på minst en fråga innan du skickar.', en: 'Answer at least one question before you send.' },
  survey_questions_changed: {
    sv: 'Föreningen har ändrat sina egna frågor medan du svarade. Titta på dem igen och skicka en gång till; dina andra svar finns kvar.',
    en: 'The association changed its own questions while you were answering. Look at them again and send once more; your other answers are kept.',
  },
  survey_rate_limited: {
    sv: 'Många svarar just nu. Vänta en minut och skicka igen; dina svar finns kvar.',
    en: 'Many people are answering right now. Wait a minute and send again; your answers are kept.',
  },
  survey_too_many_questions: {
    sv: 'Föreningen kan ställa högst {{limit}} egna frågor.',
    en: 'The association can ask at most {{limit}} questions of its own.',
  },
  survey_results_released: {
    sv: 'Enkäten kan inte öppnas igen: dess resultat visas redan, och om fler svarade skulle deras svar gå att räkna fram genom att jämföra resultaten före och efter.',
    en: 'The survey cannot be opened again: its results are already shown, and if more answered, their answers could be worked out by comparing the results before and after.',
  },
  survey_questions_frozen: {
    sv: 'Frågorna kan inte ändras när enkäten har fått svar: då skulle svaren höra till andra frågor än de som ställdes.',
    en: 'The questions cannot be changed once the survey has answers: the answers would then belong to other questions than those asked.',
  },
  survey_free_text_none: { sv: 'Svaret har ingen fritext att läsa eller maskera.', en: 'The answer has no free text to read or mask.' },
  survey_free_text_not_unread: { sv: 'Fritexten är redan läst.', en: 'The free text has already been read.' },
  internal: {
    sv: 'Något gick fel hos oss. Inget av det du skrev har försvunnit; försök igen om en stund.',
    en: 'Something went wrong on our side. Nothing you typed is lost; try again in a moment.',
  },
} satisfies Catalogue;

export type MessageCode = keyof typeof messages;

/** Fills {{name}} from params; {{name|kr}} formats öre as kronor in the message's language. */
/** Filters a placeholder may name: an amount in kronor, a legal form's name, an organisation number group's name. */
const FILTERS: Record<string, (value: unknown, lang: Lang) => string | null> = {
  kr: (v, lang) => (isOre(v) ? formatKronor(v, lang) : null),
  form: (v, lang) => (typeof v === 'string' ? (LEGAL_FORM_LABELS[v]?.[lang]?.toLowerCase() ?? null) : null),
  group: (v, lang) => (typeof v === 'string' ? (ORG_NUMBER_GROUP_LABELS[v]?.[lang] ?? null) : null),
};

export function translate(code: MessageCode, lang: Lang, params: Record<string, unknown> = {}): string {
  const template = messages[code][lang];
  return template.replace(
    /\{\{(\w+)(?:\|(\w+))?\}\}/g,
    (_, name: string, filter?: string) => (filter ? FILTERS[filter]?.(params[name], lang) : null) ?? localised(params[name], lang),
  );
}

/** A parameter is a plain value, or words in both languages ({ sv, en }). */
function localised(value: unknown, lang: Lang): string {
  if (value && typeof value === 'object' && lang in value) return String((value as Record<Lang, unknown>)[lang]);
  return String(value ?? '');
}

export function isMessageCode(code: string): code is MessageCode {
  return Object.hasOwn(messages, code);
}

export function both(code: MessageCode, params?: Record<string, unknown>): { sv: string; en: string } {
  return { sv: translate(code, 'sv', params), en: translate(code, 'en', params) };
}

/** Picks sv or en from a cookie value, then from Accept-Language; Swedish by default. */
export function pickLang(cookie: string | undefined, acceptLanguage: string | undefined): Lang {
  if (cookie === 'sv' || cookie === 'en') return cookie;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (tag === 'sv' || tag === 'en') return tag;
  }
  return 'sv';
}
