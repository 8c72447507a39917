import { detectMeetingLink, linksInText, normaliseMeetingUrl, platformOf } from './meeting-link';

describe('meeting link detection', () => {
  it('recognises the four platforms and rejects look-alikes', () => {
    expect(platformOf('https://meet.google.com/abc-defg-hij')).toBe('google_meet');
    expect(platformOf('https://us02web.zoom.us/j/81234567890?pwd=abc')).toBe('zoom');
    expect(platformOf('https://zoom.us/my/annlee')).toBe('zoom');
    expect(platformOf('https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0?context=%7b%7d')).toBe('microsoft_teams');
    expect(platformOf('https://teams.live.com/meet/9312345')).toBe('microsoft_teams');
    expect(platformOf('https://leewealth.webex.com/leewealth/j.php?MTID=m123')).toBe('webex');
    expect(platformOf('https://meet.google.com/')).toBeNull();
    expect(platformOf('https://zoom.us/pricing')).toBeNull();
    expect(platformOf('https://evil-zoom.us.example/j/123')).toBeNull();
    expect(platformOf('https://teams.microsoft.com/')).toBeNull();
    expect(platformOf('ftp://meet.google.com/abc-defg-hij')).toBeNull();
    expect(platformOf('not a url')).toBeNull();
  });

  it('prefers the conferenceData video entry point, then hangoutLink', () => {
    const link = detectMeetingLink({
      conferenceData: {
        entryPoints: [
          { entryPointType: 'phone', uri: 'tel:+1-555-0100' },
          { entryPointType: 'video', uri: 'https://us02web.zoom.us/j/8123456789?pwd=x' },
        ],
      },
      hangoutLink: 'https://meet.google.com/abc-defg-hij',
      location: 'https://meet.google.com/zzz-zzzz-zzz',
    });
    expect(link).toEqual({ url: 'https://us02web.zoom.us/j/8123456789?pwd=x', platform: 'zoom' });
    expect(detectMeetingLink({ hangoutLink: 'https://meet.google.com/abc-defg-hij' })).toEqual({ url: 'https://meet.google.com/abc-defg-hij', platform: 'google_meet' });
  });

  it('finds a Zoom link in the location and Teams/Webex links in the description', () => {
    expect(detectMeetingLink({ location: 'Zoom: https://us02web.zoom.us/j/81234567890?pwd=Zx9, or call' })?.url).toBe('https://us02web.zoom.us/j/81234567890?pwd=Zx9');
    const teams = detectMeetingLink({
      location: 'Conference room B',
      description:
        'Microsoft Teams meeting\nClick here to join the meeting<https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0?context=%7b%22Tid%22%3a%221%22%7d>\nMeeting ID: 245',
    });
    expect(teams).toEqual({ url: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0?context=%7b%22Tid%22%3a%221%22%7d', platform: 'microsoft_teams' });
    const webex = detectMeetingLink({ description: 'Join Webex meeting:\nhttps://leewealth.webex.com/leewealth/j.php?MTID=m1a2b\nMeeting number: 255' });
    expect(webex?.platform).toBe('webex');
  });

  it('reads links inside HTML descriptions and ignores other URLs', () => {
    const html = 'Agenda at <a href="https://docs.example/agenda">docs</a>. Join: <a href="https://zoom.us/j/98765432101?pwd=a&amp;b=1">Zoom</a>.';
    expect(linksInText(html)).toEqual([{ url: 'https://zoom.us/j/98765432101?pwd=a&b=1', platform: 'zoom' }]);
    expect(detectMeetingLink({ description: 'See https://www.example.com/page.' })).toBeNull();
    expect(detectMeetingLink({})).toBeNull();
  });

  it('normalises links so the same meeting in two calendars compares equal', () => {
    expect(normaliseMeetingUrl('https://meet.google.com/abc-defg-hij?authuser=1')).toBe(normaliseMeetingUrl('https://meet.google.com/abc-defg-hij'));
    expect(normaliseMeetingUrl('https://US02web.zoom.us/j/123/?pwd=x')).toBe('https://us02web.zoom.us/j/123?pwd=x');
  });
});
