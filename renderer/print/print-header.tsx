import logoUrl from '../../resources/print-logo.svg';

/** The top of every printout: the council's logo and the site's name. */
export function PrintHeader({ siteName }: { siteName: string }) {
  return (
    <header className="print__head">
      {/* Decorative: the site's name follows in words. */}
      <img className="print__logo" src={logoUrl} alt="" />
      <p className="print__site">{siteName}</p>
    </header>
  );
}
