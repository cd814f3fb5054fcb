// Swedish UI strings: the product's first language. Every string the UI shows lives here so
// that a second language is one more catalog with the same keys.
export const sv = {
  'app.name': 'Läsaren',
  'app.tagline': 'Policydokument om EU:s integrationspolitik',
  'app.skipToContent': 'Hoppa till innehållet',
  'app.loading': 'Läser in …',
  'nav.library': 'Bibliotek',
  'nav.documents': 'Dokument',
  'library.heading': 'Bibliotek',
  'library.intro': 'Välj ett dokument att läsa.',
  'library.paragraphCount': '{count} stycken',
  'library.empty': 'Det finns inga dokument i biblioteket.',
  'library.continue': 'Fortsätt läsa',
  'reader.paragraph': 'Stycke {n}',
  'reader.previous': 'Föregående dokument',
  'reader.next': 'Nästa dokument',
  'reader.navHint': 'Alt+Page Up / Alt+Page Down byter dokument',
  'reader.documentNav': 'Bläddra mellan dokument',
  'reader.notFound': 'Dokumentet kunde inte visas.',
  'reader.backToLibrary': 'Till biblioteket',
  'link.confirmTitle': 'Öppna länken utanför Läsaren?',
  'link.confirmWeb': 'Länken öppnas i din webbläsare:',
  'link.confirmMail': 'Adressen öppnas i ditt e-postprogram:',
  'link.open': 'Öppna',
  'link.cancel': 'Avbryt',
  'link.blocked': 'Länken kan inte öppnas: bara webbadresser och e-postadresser är tillåtna.',
  'link.opened': 'Länken skickades till {program}.',
  'link.browser': 'webbläsaren',
  'link.mail': 'e-postprogrammet',
  'notice.close': 'Stäng meddelandet',
  'error.generic': 'Något gick fel: {message}',
} as const;

export type MessageKey = keyof typeof sv;
export type Catalog = Record<MessageKey, string>;
