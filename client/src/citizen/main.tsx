import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { CitizenApp } from "./CitizenApp.tsx";
import "./citizen.css";

const root = document.getElementById("root");
if (!root) throw new Error("citizen.html has no #root element");

createRoot(root).render(
  <StrictMode>
    <CitizenApp />
  </StrictMode>,
);
