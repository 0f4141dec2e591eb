import type { ChangeEvent, ReactNode } from "react";
import { FieldError, FieldHint, OptionalMarker, useFieldIds } from "./Field.tsx";

// Checkbox and radio groups: a <fieldset> whose <legend> is the question, with hint and error
// tied to the group. The first control gets `id` so an error summary can link to the group.

export type ChoiceOption = { value: string; label: ReactNode; hint?: ReactNode; disabled?: boolean };

type ChoiceGroupBaseProps = {
  legend: ReactNode;
  name: string;
  options: readonly ChoiceOption[];
  hint?: ReactNode;
  error?: string | null;
  optional?: boolean;
  id?: string;
  /** Lay short options out side by side when there is room. */
  inline?: boolean;
  className?: string;
};

type ChoiceGroupInternalProps = ChoiceGroupBaseProps & {
  type: "checkbox" | "radio";
  isChecked?: (value: string) => boolean;
  isDefaultChecked?: (value: string) => boolean;
  onToggle?: (value: string, checked: boolean) => void;
};

function ChoiceGroup({ type, legend, name, options, hint, error, optional, id, inline, className, isChecked, isDefaultChecked, onToggle }: ChoiceGroupInternalProps) {
  const ids = useFieldIds(id, hint, error);
  const classes = ["field", "choice-group", inline && "choice-group--inline", error && "field--error", className];
  return (
    <fieldset className={classes.filter(Boolean).join(" ")} aria-describedby={ids.describedBy}>
      <legend className="field__label">
        {legend}
        <OptionalMarker optional={optional} />
      </legend>
      <FieldHint id={ids.hintId}>{hint}</FieldHint>
      <FieldError id={ids.errorId} message={error} />
      <div className="choice-group__options">
        {options.map((option, index) => {
          const optionId = index === 0 ? ids.controlId : `${ids.controlId}-${index}`;
          const optionHintId = option.hint ? `${optionId}-hint` : undefined;
          return (
            <div className="choice" key={option.value}>
              <input
                id={optionId}
                className="choice__input"
                type={type}
                name={name}
                value={option.value}
                disabled={option.disabled}
                checked={isChecked?.(option.value)}
                defaultChecked={isDefaultChecked?.(option.value)}
                onChange={onToggle ? (event: ChangeEvent<HTMLInputElement>) => onToggle(option.value, event.target.checked) : undefined}
                aria-describedby={optionHintId}
              />
              <label className="choice__label" htmlFor={optionId}>
                {option.label}
              </label>
              {option.hint && (
                <div id={optionHintId} className="choice__hint">
                  {option.hint}
                </div>
              )}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

export type CheckboxGroupProps = ChoiceGroupBaseProps &
  (
    | { value: readonly string[]; onChange: (values: string[]) => void; defaultValue?: never }
    | { defaultValue?: readonly string[]; value?: never; onChange?: never }
  );

/** Controlled with value/onChange, or uncontrolled with defaultValue (read with FormData.getAll(name)). */
export function CheckboxGroup({ value, onChange, defaultValue, ...props }: CheckboxGroupProps) {
  if (value !== undefined) {
    const toggle = (option: string, checked: boolean) =>
      onChange(checked ? [...value.filter((current) => current !== option), option] : value.filter((current) => current !== option));
    return <ChoiceGroup type="checkbox" {...props} isChecked={(option) => value.includes(option)} onToggle={toggle} />;
  }
  return <ChoiceGroup type="checkbox" {...props} isDefaultChecked={(option) => defaultValue?.includes(option) ?? false} />;
}

export type RadioGroupProps = ChoiceGroupBaseProps &
  (
    | { value: string | null; onChange: (value: string) => void; defaultValue?: never }
    | { defaultValue?: string; value?: never; onChange?: never }
  );

export function RadioGroup({ value, onChange, defaultValue, ...props }: RadioGroupProps) {
  if (value !== undefined) {
    return (
      <ChoiceGroup
        type="radio"
        {...props}
        isChecked={(option) => option === value}
        onToggle={(option, checked) => checked && onChange(option)}
      />
    );
  }
  return <ChoiceGroup type="radio" {...props} isDefaultChecked={(option) => option === defaultValue} />;
}
