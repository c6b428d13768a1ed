import { useEffect } from 'react';
import { text } from '../i18n/text.js';

export function useDocumentTitle(screen: string, siteName: string | null): void {
  useEffect(() => {
    document.title = text.pageTitle(screen, siteName);
  }, [screen, siteName]);
}
