import { RequestContext } from './request-context';

export interface ResponseMetadata {
  timestamp: string;
  requestId: string;
  processingTime: number;
  complianceChecked: boolean;
}

export function responseMetadata(): ResponseMetadata {
  const store = RequestContext.current();
  return {
    timestamp: new Date().toISOString(),
    requestId: store?.requestId ?? 'none',
    processingTime: store ? Date.now() - store.startedAt : 0,
    complianceChecked: store?.complianceChecked ?? false,
  };
}
