/** The catalogue key of an activity type's Swedish label: lower-case ASCII words joined by underscores. */
export function keyFor(label: string): string {
  const ascii = label.toLowerCase().replace(/[åä]/g, 'a').replace(/ö/g, 'o').replace(/é/g, 'e');
  return (
    ascii
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_|_$/g, '')
      .slice(0, 48) || 'activity'
  );
}
