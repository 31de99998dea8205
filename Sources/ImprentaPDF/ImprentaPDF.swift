// ImprentaPDF: layout (Pango measuring → pages of positioned items) and painting (items → Cairo).
