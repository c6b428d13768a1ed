import { CliFailure } from './cli-failure.js';
import { cliText } from './cli-text.js';
import { exitCodes } from './exit-codes.js';

const text = cliText.prompt;

/** Whether there is a person at a terminal to ask. */
export function canPrompt(): boolean {
  return process.stdin.isTTY === true;
}

/**
 * Asks for a secret on the terminal without echoing it. The question goes to stderr so that
 * stdout stays for the lines scripts read. Raw mode lets us see Ctrl-C and backspace ourselves.
 */
export function promptHidden(question: string): Promise<string> {
  const input = process.stdin;
  const output = process.stderr;
  // Echo goes off before the question appears, so nothing typed in reply is ever shown.
  input.setRawMode(true);
  input.setEncoding('utf8');
  input.resume();
  output.write(question);
  return new Promise((resolve, reject) => {
    let answer = '';
    const finish = (): void => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      output.write('\n');
    };
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          finish();
          resolve(answer);
          return;
        }
        if (ch === '\u0003') {
          finish();
          reject(new CliFailure(exitCodes.interrupted, text.stopped));
          return;
        }
        if (ch === '\u0004' && answer === '') {
          finish();
          reject(new CliFailure(exitCodes.usage, text.endOfInput));
          return;
        }
        if (ch === '\u007f' || ch === '\b') {
          answer = Array.from(answer).slice(0, -1).join('');
          continue;
        }
        // An arrow key or other escape sequence: drop the rest of it rather than type "[D".
        if (ch === '\u001b') break;
        if (ch < ' ') continue;
        answer += ch;
      }
    };
    input.on('data', onData);
  });
}
