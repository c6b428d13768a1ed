// Makes the waiting-area chime, resources/public/chime.wav: `npx tsx electron/tools/make-chime.ts`.
// Run it by hand after changing the notes below and commit what it writes; CI never runs it.
// Synthesised here rather than taken from a sound library, so its licence is ours and it can be
// remade exactly (no randomness: the same code writes the same bytes).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const output = path.join(root, 'resources', 'public', 'chime.wav');

export const sampleRate = 44_100;
const durationS = 1.2;

export interface ChimeNote {
  frequencyHz: number;
  startS: number;
  /** Time for the note to fall to 1/e of its peak. */
  decayS: number;
  gain: number;
}

/**
 * "Ding-dong": E5 then C5, a falling major third, as a door chime or a station announcement's.
 * The second note rings longer, so the chime ends on it.
 */
export const notes: readonly ChimeNote[] = [
  { frequencyHz: 659.26, startS: 0, decayS: 0.32, gain: 1 },
  { frequencyHz: 523.25, startS: 0.42, decayS: 0.38, gain: 0.8 },
];

/** A little of the octave and twelfth above, quickly fading, makes a sine sound like a struck bar, not a test tone. */
const partials = [
  { ratio: 1, gain: 1, decayScale: 1 },
  { ratio: 2, gain: 0.28, decayScale: 0.5 },
  { ratio: 3, gain: 0.08, decayScale: 0.3 },
];

// A soft attack: no click at the onset, but still heard as a strike.
const attackS = 0.012;
// The last moments fade to silence, so the file never ends on a non-zero sample (a click).
const fadeOutS = 0.08;
// −6 dBFS at the loudest: loud enough over a waiting room's murmur, with room for the speakers.
const peak = 0.5;

/** The chime as samples in −1…1. */
export function synthesiseChime(): Float64Array {
  const length = Math.round(durationS * sampleRate);
  const samples = new Float64Array(length);
  for (const note of notes) {
    const first = Math.round(note.startS * sampleRate);
    for (let i = first; i < length; i += 1) {
      const t = (i - first) / sampleRate;
      const attack = t < attackS ? Math.sin(((t / attackS) * Math.PI) / 2) : 1;
      let value = 0;
      for (const partial of partials) {
        const envelope = Math.exp(-t / (note.decayS * partial.decayScale));
        value += partial.gain * envelope * Math.sin(2 * Math.PI * note.frequencyHz * partial.ratio * t);
      }
      samples[i] = (samples[i] ?? 0) + note.gain * attack * value;
    }
  }
  const fadeFrom = length - Math.round(fadeOutS * sampleRate);
  for (let i = fadeFrom; i < length; i += 1) {
    samples[i] = (samples[i] ?? 0) * ((length - 1 - i) / (length - 1 - fadeFrom));
  }
  let loudest = 0;
  for (const sample of samples) loudest = Math.max(loudest, Math.abs(sample));
  for (let i = 0; i < length; i += 1) samples[i] = ((samples[i] ?? 0) / loudest) * peak;
  return samples;
}

/**
 * A canonical 44-byte-header WAV: PCM, mono, 16-bit little-endian.
 * http://soundfile.sapp.org/doc/WaveFormat/
 */
export function encodeWav(samples: Float64Array, rate: number = sampleRate): Buffer {
  const dataBytes = samples.length * 2;
  const wav = Buffer.alloc(44 + dataBytes);
  wav.write('RIFF', 0, 'ascii');
  wav.writeUInt32LE(36 + dataBytes, 4);
  wav.write('WAVE', 8, 'ascii');
  wav.write('fmt ', 12, 'ascii');
  wav.writeUInt32LE(16, 16); // size of the fmt chunk
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(rate, 24);
  wav.writeUInt32LE(rate * 2, 28); // bytes per second
  wav.writeUInt16LE(2, 32); // bytes per frame
  wav.writeUInt16LE(16, 34); // bits per sample
  wav.write('data', 36, 'ascii');
  wav.writeUInt32LE(dataBytes, 40);
  samples.forEach((sample, i) => {
    wav.writeInt16LE(Math.round(Math.max(-1, Math.min(1, sample)) * 32_767), 44 + i * 2);
  });
  return wav;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  fs.writeFileSync(output, encodeWav(synthesiseChime()));
  console.warn(`Wrote ${path.relative(root, output)}`);
}
