/** The text of the file chosen in a file input, then clears the input so the same file can be chosen again. */
export async function takeFile(input: HTMLInputElement): Promise<{ name: string; text: string } | null> {
  const file = input.files?.[0];
  if (!file) return null;
  try {
    return { name: file.name, text: await file.text() };
  } finally {
    input.value = '';
  }
}

/** Saves text as a download through a blob URL: no "downloads" permission, nothing leaves the browser. */
export function download(name: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // The download has taken its copy once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A button-styled label that opens the file chooser for a JSON file. */
export function JsonFileButton(props: {
  label: string;
  describedBy: string;
  onChoose: (input: HTMLInputElement) => void;
}) {
  return (
    <label class="action file">
      {props.label}
      <input
        type="file"
        accept=".json,application/json"
        aria-describedby={props.describedBy}
        onChange={(e) => props.onChoose(e.currentTarget)}
      />
    </label>
  );
}
