/** The file formats Rapport imports, and their names for people. Free of parsers, so the UI can name a format without loading one. */
export type FileFormat = 'vcard' | 'linkedin-csv' | 'google-csv' | 'outlook-csv' | 'rapport-csv' | 'rapport-backup';

export const FORMAT_NAMES: Record<FileFormat, string> = {
  vcard: 'vCard',
  'linkedin-csv': 'LinkedIn connections',
  'google-csv': 'Google Contacts CSV',
  'outlook-csv': 'Outlook contacts CSV',
  'rapport-csv': 'Rapport people CSV',
  'rapport-backup': 'Rapport backup',
};
