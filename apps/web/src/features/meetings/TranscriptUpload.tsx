import { Button, FileButton, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMicrophone, IconUpload } from '@tabler/icons-react';
import { useUploadTranscript } from './api';

export function TranscriptUpload({ meetingId }: { meetingId: string }) {
  const upload = useUploadTranscript();
  const send = (kind: 'transcript' | 'audio') => (file: File | null) =>
    file && upload.mutate({ id: meetingId, file, kind }, { onSuccess: () => notifications.show({ color: 'green', message: kind === 'audio' ? 'Recording transcribed.' : 'Transcript uploaded.' }) });
  return (
    <Group gap="xs">
      <FileButton onChange={send('transcript')} accept=".vtt,.srt,.txt,.json">
        {(props) => (
          <Button {...props} variant="light" leftSection={<IconUpload size={16} />} loading={upload.isPending && upload.variables?.kind === 'transcript'}>
            Upload transcript
          </Button>
        )}
      </FileButton>
      <FileButton onChange={send('audio')} accept="audio/*,.mp3,.m4a,.wav,.webm">
        {(props) => (
          <Button {...props} variant="default" leftSection={<IconMicrophone size={16} />} loading={upload.isPending && upload.variables?.kind === 'audio'}>
            Upload recording
          </Button>
        )}
      </FileButton>
    </Group>
  );
}
