import { text } from '../i18n/text.js';
import './placeholder-sections.css';

/** What a home will hold, named plainly until the issue that builds it lands. */
export function PlaceholderSections({ sections }: { sections: ReadonlyArray<{ heading: string; body: string }> }) {
  return (
    <ul className="placeholders">
      {sections.map((section) => (
        <li key={section.heading} className="placeholder">
          <h2 className="placeholder__title">{section.heading}</h2>
          <p>{section.body}</p>
          <p className="placeholder__later">{text.frame.later}</p>
        </li>
      ))}
    </ul>
  );
}
