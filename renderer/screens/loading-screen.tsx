import { MainRegion } from '../components/main-region.js';
import { PublicHeader } from '../components/public-header.js';
import { text } from '../i18n/text.js';
import { useDocumentTitle } from '../routing/use-document-title.js';

/** Before the hub has said whether this site is set up. */
export function LoadingScreen() {
  useDocumentTitle(text.loading, null);
  return (
    <>
      <PublicHeader siteName={null} />
      <MainRegion title={text.connection.connecting} focusTitle={false} className="page--narrow">
        {null}
      </MainRegion>
    </>
  );
}
