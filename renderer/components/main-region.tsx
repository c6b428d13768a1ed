import { useEffect, useRef, type ReactNode } from 'react';

interface MainRegionProps {
  title: string;
  /** Off when a screen puts focus on a control of its own (the PIN field). */
  focusTitle?: boolean;
  className?: string;
  children: ReactNode;
}

/**
 * The page's `<main>` with its one `<h1>`. A new screen moves focus to its heading, so a screen
 * reader says where you are and Tab starts from the top of the new content.
 */
export function MainRegion({ title, focusTitle = true, className, children }: MainRegionProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusTitle) heading.current?.focus();
  }, [focusTitle, title]);
  return (
    <main id="main" tabIndex={-1} className={['page', className].filter(Boolean).join(' ')}>
      <h1 className="page__title" ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </main>
  );
}
