import { parseRecallTranscript, parseSrt, parseTranscriptFile, parseTxt, parseVtt } from './transcript-parsers';
import { TranscriptFormatError } from './transcript.types';

describe('transcript parsers', () => {
  it('reads WebVTT with voice tags, cue ids, notes and short timestamps', () => {
    const vtt = `WEBVTT - meeting\n\nNOTE exported\n\n1\n00:00:01.000 --> 00:00:04.500\n<v Ann Lee>Thanks for joining.</v>\n\n00:05.000 --> 00:07.250\nBob Smith: Happy to be here.\n`;
    expect(parseVtt(vtt)).toEqual([
      { speaker: 'Ann Lee', start: 1, end: 4.5, text: 'Thanks for joining.' },
      { speaker: 'Bob Smith', start: 5, end: 7.25, text: 'Happy to be here.' },
    ]);
  });

  it('rejects a WebVTT file without the header or with a broken timing, naming the line', () => {
    expect(() => parseVtt('00:00:01.000 --> 00:00:02.000\nhi')).toThrow(/line 1: a WebVTT file must start with "WEBVTT"/);
    expect(() => parseVtt('WEBVTT\n\n00:00:01.000 --> 00:00:xx.000\nhi')).toThrow(/line 3: invalid end time "00:00:xx.000"/);
    expect(() => parseVtt('WEBVTT\n\n00:00:05.000 --> 00:00:01.000\nhi')).toThrow(/ends before it starts/);
    expect(() => parseVtt('WEBVTT\n\n')).toThrow(/no transcript text/);
  });

  it('reads SubRip and names the broken block', () => {
    const srt = '1\r\n00:00:01,000 --> 00:00:03,000\r\nAnn Lee: Hello there.\r\n\r\n2\r\n00:00:03,500 --> 00:00:05,000\r\nHi!\r\n';
    expect(parseSrt(srt)).toEqual([
      { speaker: 'Ann Lee', start: 1, end: 3, text: 'Hello there.' },
      { speaker: null, start: 3.5, end: 5, text: 'Hi!' },
    ]);
    expect(() => parseSrt('1\n00:00:01.000 --> 00:00:03,000\nHello')).toThrow(/line 2: invalid start time "00:00:01.000"/);
    expect(() => parseSrt('Hello\n')).toThrow(/line 1: expected the number of subtitle 1/);
  });

  it('reads plain text with and without timestamps', () => {
    expect(parseTxt('[00:01] Ann Lee: Welcome back.\n[00:09] Bob: Thanks.\n')).toEqual([
      { speaker: 'Ann Lee', start: 1, end: 9, text: 'Welcome back.' },
      { speaker: 'Bob', start: 9, end: null, text: 'Thanks.' },
    ]);
    expect(parseTxt('Ann Lee (1:02:03): We reviewed the plan.')).toEqual([{ speaker: 'Ann Lee', start: 3723, end: null, text: 'We reviewed the plan.' }]);
    expect(parseTxt('Just notes, no speaker. Second sentence.')[0]).toMatchObject({ speaker: null, text: 'Just notes, no speaker. Second sentence.' });
    expect(() => parseTxt('  \n\n')).toThrow(/no transcript text/);
  });

  it('reads both Recall transcript shapes and groups words into sentences', () => {
    const v111 = [
      {
        participant: { id: 100, name: 'Ann Lee' },
        words: [
          { text: 'Thanks', start_timestamp: { relative: 9.7, absolute: 'x' }, end_timestamp: { relative: 10.1 } },
          { text: 'for joining.', start_timestamp: { relative: 10.1 }, end_timestamp: null },
          { text: 'Shall we start?', start_timestamp: { relative: 11 }, end_timestamp: { relative: 12.5 } },
        ],
      },
    ];
    expect(parseRecallTranscript(v111)).toEqual([
      { speaker: 'Ann Lee', start: 9.7, end: 10.1, text: 'Thanks for joining.' },
      { speaker: 'Ann Lee', start: 11, end: 12.5, text: 'Shall we start?' },
    ]);
    const v110 = [{ speaker: 'Bob', speaker_id: 1, words: [{ text: 'Sounds good.', start_timestamp: 13, end_timestamp: 14 }] }];
    expect(parseRecallTranscript(v110)).toEqual([{ speaker: 'Bob', start: 13, end: 14, text: 'Sounds good.' }]);
    expect(() => parseRecallTranscript({ words: [] })).toThrow(/must be a JSON array/);
    expect(() => parseRecallTranscript([{ speaker: 'Bob', words: [{ text: 'hi' }] }])).toThrow(/item 0: words\[0\].start_timestamp is missing/);
  });

  it('names malformed JSON and binary files', () => {
    expect(() => parseTranscriptFile('recall_json', Buffer.from('[{"words": ['))).toThrow(/the JSON is malformed/);
    expect(() => parseTranscriptFile('txt', Buffer.from([0x00, 0x01, 0xff, 0xfe]))).toThrow(TranscriptFormatError);
  });
});
