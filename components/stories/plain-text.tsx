/** People's words as they typed them: React escapes the text, CSS keeps the line breaks. */
export function PlainText({ text, className = '' }: { text: string; className?: string }) {
  return <p className={`whitespace-pre-line ${className}`}>{text}</p>;
}
