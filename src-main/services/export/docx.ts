// Owns the Word export, built with the `docx` library (never hand-written XML): a title, the
// export date, one heading per document, and per annotation the quoted passage, the note
// (line breaks kept), tags, colour, times, the citation "‹titel›, stycke ‹n›" and the deep
// link. Characters XML cannot carry (control codes) are replaced so Word always opens it.
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  TextRun,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import { formatTimeSv, type ExportEntry, type ExportModel } from './model';

// XML 1.0 forbids these; a lone surrogate cannot be encoded either.
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '\uFFFD');
}

type RunStyle = Omit<IRunOptions, 'text' | 'children' | 'break'>;

/** Text as runs: each line break a Word line break, each tab a Word tab. */
function textRuns(text: string, style: RunStyle = {}): TextRun[] {
  return xmlSafe(text)
    .split(/\r\n|\r|\n/)
    .map((line, i) => {
      const children: (string | Tab)[] = [];
      line.split('\t').forEach((part, j) => {
        if (j > 0) children.push(new Tab());
        if (part) children.push(part);
      });
      return new TextRun({ ...style, children, ...(i > 0 ? { break: 1 } : {}) });
    });
}

const GREY = '5C5A53';
const SMALL = 18; // half-points: 9 pt

function entryParagraphs(e: ExportEntry): Paragraph[] {
  const out = [
    new Paragraph({
      style: 'Quote',
      children: textRuns(e.quote),
      border: { left: { style: BorderStyle.SINGLE, size: 18, color: 'C9C4B8', space: 8 } },
      indent: { left: 360 },
      spacing: { before: 240, after: 120 },
    }),
  ];
  if (e.note.trim() !== '') out.push(new Paragraph({ children: textRuns(e.note), spacing: { after: 120 } }));
  // One run per line: Word files with tens of thousands of runs take long to write.
  const details = [
    `Taggar: ${e.tags.length ? e.tags.join(', ') : '–'}`,
    `Färg: ${e.colourName}`,
    `Skapad: ${formatTimeSv(e.created)}`,
    `Ändrad: ${formatTimeSv(e.modified)}`,
  ].join('   ');
  out.push(
    new Paragraph({
      spacing: { after: 60 },
      children: [new TextRun({ text: xmlSafe(details), size: SMALL, color: GREY })],
    }),
  );
  const link: ParagraphChild = new ExternalHyperlink({
    link: e.link,
    children: [new TextRun({ text: e.link, style: 'Hyperlink', size: SMALL })],
  });
  out.push(
    new Paragraph({
      spacing: { after: 240 },
      children: [
        new TextRun({ text: `${xmlSafe(e.citation)} · `, italics: true }),
        link,
        new TextRun({ text: ` (id ${e.id})`, size: SMALL, color: '8A877D' }),
      ],
    }),
  );
  return out;
}

export async function renderDocx(model: ExportModel): Promise<Uint8Array> {
  const count = model.count === 1 ? '1 anteckning' : `${model.count} anteckningar`;
  const body: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('Anteckningar från Läsaren')] }),
    new Paragraph({
      spacing: { after: 240 },
      children: [
        new TextRun({
          text: `Exporterad ${model.exportedOn} · ${xmlSafe(model.scopeLabel)} · ${count}`,
          color: GREY,
        }),
      ],
    }),
  ];
  if (model.count === 0) body.push(new Paragraph('Det finns inga anteckningar att exportera.'));
  for (const g of model.groups) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(xmlSafe(g.title))] }));
    if (!g.inLibrary)
      body.push(
        new Paragraph({
          children: [new TextRun({ text: 'Dokumentet finns inte i det här biblioteket.', italics: true })],
        }),
      );
    for (const e of g.entries) body.push(...entryParagraphs(e));
  }
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            children: ['Sida ', PageNumber.CURRENT, ' av ', PageNumber.TOTAL_PAGES],
            size: SMALL,
            color: GREY,
          }),
        ],
      }),
    ],
  });
  const doc = new Document({
    creator: 'Läsaren',
    title: 'Anteckningar från Läsaren',
    description: model.scopeLabel,
    styles: {
      default: { document: { run: { font: 'Cambria', size: 23 }, paragraph: { spacing: { line: 300 } } } },
      paragraphStyles: [
        {
          id: 'Quote',
          name: 'Quote',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { italics: true, color: '33322E' },
        },
      ],
    },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 } } },
        footers: { default: footer },
        children: body,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
