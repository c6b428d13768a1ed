import { PageContents } from '../components/page-parts.js';
import { text } from '../i18n/text.js';
import type { SettingsPart } from './settings-section.js';

/** Links to each part of the settings page. */
export function SettingsContents({ parts }: { parts: readonly SettingsPart[] }) {
  return <PageContents block="settings" title={text.settings.contents} parts={parts} />;
}
