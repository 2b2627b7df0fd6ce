import { registerDefaultStrings } from '../../core/localize.js';

/** English UI strings of this element: the fallback for every key (other languages: src/core/locales). */
export const dialogueStrings = {
  dialogueTranscript: 'Transcript',
  dialogueTools: 'Transcript tools',
  dialogueSearch: 'Search the transcript',
  dialogueSearchPlaceholder: 'Search',
  dialogueMatches: '{count} of {total} lines match',
  dialogueNoMatches: 'No line matches',
  dialogueCopy: 'Copy',
  dialogueCopyLabel: 'Copy the transcript',
  dialogueCopied: 'Transcript copied',
  dialogueCopyFailed: 'This page does not allow copying. The transcript is selected below: copy it with Ctrl+C (⌘C on a Mac).',
  dialogueCopyText: 'Transcript text',
  dialogueDownload: 'Download',
  dialogueDownloadLabel: 'Download the transcript as a text file',
  dialogueDownloaded: 'Transcript downloaded as {file}',
  dialogueControls: 'Dialogue controls',
  dialogueNext: 'Next',
  dialoguePrevious: 'Previous',
  dialogueRestart: 'Restart',
  dialoguePlay: 'Play',
  dialoguePause: 'Pause',
  dialogueProgress: 'Line {current} of {total}',
  dialogueEnd: 'End of the dialogue',
  dialogueSpeed: 'Speed',
  dialogueSpeaker: '{name} ({role})',
  dialogueLine: '{speaker}: {text}',
  dialogueShownMany: '{count} lines shown. {line}',
  dialogueThinkTitle: 'Think first',
  dialogueThinkPrompt: 'What would you answer?',
  dialogueThinkWho: '{name} answers next.',
  dialogueReveal: 'Show the answer',
  dialogueThinkAnnounce: 'Think first: {name} answers next. What would you answer?',
  dialogueListen: 'Listen',
  dialogueStopListening: 'Stop',
  dialogueSpeechChecking: 'Looking for voices…',
  dialogueSpeechUnsupported: 'Listening is not available: this browser cannot read text aloud.',
  dialogueSpeechNoVoices: 'Listening is not available: this browser has no text-to-speech voices installed.',
  dialogueSpeechFailed: 'Reading aloud stopped because of an error ({error}).',
  dialogueSpeechNotLoaded: 'Reading aloud could not be loaded. Check the connection, then press Listen again.',
  dialoguePlayer: 'Playback',
  dialogueSeek: 'Position',
  dialogueTime: '{elapsed} of {total}',
  dialogueAudioError: 'The audio could not be loaded.',
  dialogueShortcuts: 'Keyboard shortcuts',
  dialogueShortcutPlay: 'play or pause',
  dialogueShortcutLines: 'previous or next line',
  dialogueShortcutEnds: 'first or last line',
  dialogueShortcutLine: 'on a line: go there',
};

export type DialogueStrings = typeof dialogueStrings;

declare module '../../core/localize.js' {
  interface UiStrings extends DialogueStrings {}
}

registerDefaultStrings(dialogueStrings);
