// Owns saving settings from the renderer, one call at a time and in the order asked: in the
// browser host each call is its own HTTP request, and two in flight could arrive swapped,
// leaving an older value (say, the previous document) as the remembered one.
import type { Result } from '../../src-main/shared/result';
import type { Settings, SettingsPatch } from '../../src-main/shared/settings';
import { call } from './api';

let tail: Promise<unknown> = Promise.resolve();

export function saveSettings(patch: SettingsPatch): Promise<Result<Settings>> {
  const next = tail.then(() => call('updateSettings', patch));
  tail = next;
  return next;
}
